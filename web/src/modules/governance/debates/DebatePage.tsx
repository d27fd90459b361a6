import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { STANCES } from '../../../../../contracts/governance-debates.ts';
import { hasRole, useMe } from '../../../api/session.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { formatDate, formatNumber } from '../../../ui/format.ts';
import { Page } from '../../../ui/Page.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { type Debate, useDebate } from './api.ts';
import { CloseForm } from './CloseForm.tsx';
import { DebateComments } from './DebateComments.tsx';
import './messages.ts';
import './debates.css';

// /governance/debates/:id — the question, its status, the conclusion once closed, the number of
// comments per stance and the threaded comments; staff close it with a conclusion.
export default function DebatePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const debate = useDebate(id);
  const me = useMe();
  const d = debate.data;
  return (
    <Page
      title={d?.title ?? t('debate.title')}
      crumbs={[
        { to: '/governance', label: t('debate.governance') },
        { to: '/governance/processes', label: t('debate.processes') },
        ...(d ? [{ to: `/governance/processes/${d.processId}`, label: d.processTitle }] : []),
      ]}
    >
      <QueryState query={debate}>
        {(d) => (
          <>
            <p className="debate-badges">
              <span className={`badge debate-status-${d.status}`}>{t(`debate.status.${d.status}`)}</span>
              {d.sample && <span className="badge">{t('debate.sample')}</span>}
            </p>
            <section aria-labelledby="debate-question" className="section">
              <h2 id="debate-question">{t('debate.question')}</h2>
              <div className="debate-text">{d.question}</div>
            </section>
            <section aria-labelledby="debate-conclusion" className="section">
              <h2 id="debate-conclusion">{t('debate.conclusionTitle')}</h2>
              {d.conclusion ? (
                <div className="debate-conclusion">
                  <p className="debate-meta">
                    {t('debate.closedOn', { day: formatDate(d.conclusion.closedAt) })}
                  </p>
                  <div className="debate-text">{d.conclusion.text}</div>
                </div>
              ) : (
                <p>{t('debate.conclusionNone')}</p>
              )}
              {hasRole(me.data, 'staff', 'admin') && d.status === 'open' && <CloseForm debate={d} />}
            </section>
            <StanceCounts debate={d} />
            <Participation debate={d} signedIn={!!me.data} />
            <DebateComments debate={d} canReply={!!me.data && d.commentsOpen} />
          </>
        )}
      </QueryState>
    </Page>
  );
}

function StanceCounts({ debate }: { debate: Debate }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="debate-stances" className="section">
      <h2 id="debate-stances">{t('debate.stancesTitle')}</h2>
      <ul className="stance-counts">
        {STANCES.map((s) => (
          <li key={s} className={`stance-count stance-${s}`}>
            {t('debate.stanceCount', {
              stance: t(`debate.stance.${s}`),
              count: formatNumber(debate.stances[s]),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Why the comment form is or is not there: signed out, closed, or the phase has debates off. */
function Participation({ debate, signedIn }: { debate: Debate; signedIn: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (debate.status === 'closed') return <Alert kind="info">{t('debate.closedNote')}</Alert>;
  if (!debate.phaseOpen) return <Alert kind="info">{t('debate.phaseOff')}</Alert>;
  if (!signedIn)
    return (
      <Alert kind="info">
        {t('debate.signIn')}{' '}
        <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('debate.login')}</Link>
      </Alert>
    );
  return null;
}
