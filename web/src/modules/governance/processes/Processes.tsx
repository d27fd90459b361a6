import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasRole, useMe } from '../../../api/session.ts';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { formatDate } from '../../../ui/format.ts';
import { Page } from '../../../ui/Page.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { useProcesses } from './api.ts';
import './messages.ts';
import './processes.css';

// /governance/processes: every participatory process with where it stands today.
export default function Processes() {
  const { t } = useTranslation();
  const list = useProcesses();
  const me = useMe();
  return (
    <Page
      title={t('process.title')}
      lead={t('process.lead')}
      crumbs={[{ to: '/governance', label: t('process.governance') }]}
    >
      {hasRole(me.data, 'staff', 'admin') && (
        <p>
          <Link to="/governance/staff/processes/new">{t('process.staffCreate')}</Link>
        </p>
      )}
      <QueryState query={list} loading={{ cards: 2 }}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState icon="participation" title={t('process.none')} text={t('process.noneText')} />
          ) : (
            <ul className="card-list">
              {data.items.map((p) => (
                <li key={p.id} className="card">
                  <h2 className="card-title">
                    <Link to={`/governance/processes/${p.id}`}>{p.title}</Link>{' '}
                    <span className="badge">{t(`process.state.${p.state}`)}</span>{' '}
                    {p.sample && <span className="badge">{t('process.sample')}</span>}
                  </h2>
                  <p>
                    {p.currentPhase
                      ? t('process.nowPhase', { phase: t(`process.phase.${p.currentPhase}`) })
                      : t('process.noPhaseNow')}
                    {' · '}
                    {t('process.period', { from: formatDate(p.startsOn), to: formatDate(p.endsOn) })}
                    {' · '}
                    {t('process.proposalCount', { count: p.proposals })}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </Page>
  );
}
