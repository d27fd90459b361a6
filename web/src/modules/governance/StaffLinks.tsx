import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../ui/QueryState.tsx';
import { useProcesses } from './processes/api.ts';
import './staff-links.messages.ts';

// Governance's staff pages, listed on the staff home (/staff): the queues (statements, reports and
// appeals), polls, projects, and for each participatory process its edit form, a new debate, and its
// page where staff close debates and answer proposals.
const PAGES = [
  ['moderation', '/governance/staff/moderation'],
  ['statements', '/governance/staff/statements'],
  ['polls', '/governance/staff/polls'],
  ['newProcess', '/governance/staff/processes/new'],
  ['projects', '/governance/projects'],
  ['newProject', '/governance/staff/projects/new'],
  ['deliberations', '/governance/deliberations'],
] as const;

export function GovernanceStaffLinks() {
  const { t } = useTranslation();
  const processes = useProcesses();
  return (
    <section aria-labelledby="governance-staff-pages" className="section">
      <h2 id="governance-staff-pages">{t('governanceStaff.title')}</h2>
      <ul className="link-list">
        {PAGES.map(([key, to]) => (
          <li key={key}>
            <Link to={to}>{t(`governanceStaff.${key}`)}</Link>
          </li>
        ))}
      </ul>
      <h3 id="governance-staff-processes">{t('governanceStaff.processesTitle')}</h3>
      <QueryState query={processes}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('governanceStaff.noProcesses')}</p>
          ) : (
            <ul className="link-list" aria-labelledby="governance-staff-processes">
              {data.items.map((p) => (
                <li key={p.id}>
                  <Link to={`/governance/processes/${p.id}`}>{p.title}</Link>
                  {' · '}
                  <Link
                    to={`/governance/staff/processes/${p.id}`}
                    aria-label={t('governanceStaff.editNamed', { title: p.title })}
                  >
                    {t('governanceStaff.edit')}
                  </Link>
                  {' · '}
                  <Link
                    to={`/governance/staff/processes/${p.id}/debates/new`}
                    aria-label={t('governanceStaff.newDebateNamed', { title: p.title })}
                  >
                    {t('governanceStaff.newDebate')}
                  </Link>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
