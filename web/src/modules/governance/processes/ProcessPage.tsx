import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { hasRole, useMe } from '../../../api/session.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Page } from '../../../ui/Page.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { ProcessDebates } from '../debates/ProcessDebates.tsx';
import { useProcess } from './api.ts';
import { PhaseTimeline } from './PhaseTimeline.tsx';
import { ProposalList } from './ProposalList.tsx';
import './messages.ts';
import './processes.css';

// /governance/processes/:id — the overview: description, the phase timeline with today's phase,
// links to the parts open now, then the proposals with filters and sorting.
export default function ProcessPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const process = useProcess(id);
  const me = useMe();
  return (
    <Page
      title={process.data?.title ?? t('process.title')}
      lead={process.data?.description}
      crumbs={[
        { to: '/governance', label: t('process.governance') },
        { to: '/governance/processes', label: t('process.title') },
      ]}
    >
      <QueryState query={process}>
        {(p) => (
          <>
            <p className="proposal-badges">
              <span className="badge">{t(`process.state.${p.state}`)}</span>{' '}
              {p.sample && <span className="badge">{t('process.sample')}</span>}
            </p>
            {hasRole(me.data, 'staff', 'admin') && (
              <p>
                <Link to={`/governance/staff/processes/${p.id}`}>{t('process.staffEdit')}</Link>
              </p>
            )}
            <section aria-labelledby="process-phases" className="section">
              <h2 id="process-phases">{t('process.phasesTitle')}</h2>
              <PhaseTimeline process={p} />
              {(p.open.deliberation || p.open.polls) && (
                <ul className="process-parts">
                  {p.open.deliberation && (
                    <li>
                      <Link to="/governance/deliberations">{t('process.part.deliberation')}</Link>
                    </li>
                  )}
                  {p.open.polls && (
                    <li>
                      <Link to="/governance/polls">{t('process.part.polls')}</Link>
                    </li>
                  )}
                </ul>
              )}
            </section>
            <ProcessDebates processId={p.id} />
            <section aria-labelledby="process-proposals" className="section">
              <h2 id="process-proposals">{t('process.proposalsTitle')}</h2>
              <p>{t('process.thresholdNote', { count: p.supportThreshold })}</p>
              {p.open.proposals ? (
                <p>
                  <Link className="btn btn-primary" to={`/governance/processes/${p.id}/propose`}>
                    {t('process.propose')}
                  </Link>
                </p>
              ) : (
                <Alert kind="info">{t('process.proposeClosed')}</Alert>
              )}
              <ProposalList processId={p.id} />
            </section>
          </>
        )}
      </QueryState>
    </Page>
  );
}
