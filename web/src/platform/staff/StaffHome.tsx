import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasRole, type MeView } from '../../api/session.ts';
import { type StaffQueue, useStaffQueues } from '../../api/staff.ts';
import { BookingStaffLinks } from '../../modules/booking/StaffLinks.tsx';
import { GovernanceStaffLinks } from '../../modules/governance/StaffLinks.tsx';
import { StaffLinks } from '../../modules/youth/staff/StaffLinks.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { ADMIN_PAGES } from '../admin/AdminHome.tsx';
import { RequireSignIn } from '../auth/RequireSignIn.tsx';
import './messages.ts';
import './staff.css';

// The staff home (/staff): the queues this person works, each with its count and how long the oldest
// item has waited in working days, and the admin pages one click away. The queues come from the
// modules (server/platform/staff): a new module's queue appears here without a change to this page.
export default function StaffHome() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('staffHome.title')} roles={['staff', 'admin']}>
      {(me) => <StaffHomePage me={me} />}
    </RequireSignIn>
  );
}

function StaffHomePage({ me }: { me: MeView }) {
  const { t, i18n } = useTranslation();
  const queues = useStaffQueues(i18n.language);
  return (
    <Page title={t('staffHome.title')} lead={t('staffHome.lead')}>
      <section aria-labelledby="staff-queues" className="section">
        <h2 id="staff-queues">{t('staffHome.queuesTitle')}</h2>
        <QueryState query={queues}>
          {(data) => (
            <>
              {data.items.every((q) => q.count === 0) && (
                <EmptyState
                  headingLevel={3}
                  title={t('staffHome.allClearTitle')}
                  text={t('staffHome.allClearText')}
                />
              )}
              <ul className="card-list staff-queues">
                {data.items.map((q) => (
                  <QueueCard key={q.kind} queue={q} />
                ))}
              </ul>
            </>
          )}
        </QueryState>
      </section>
      <section aria-labelledby="staff-tools" className="section">
        <h2 id="staff-tools">{t('staffHome.toolsTitle')}</h2>
        <p>{t('staffHome.toolsLead')}</p>
        <ul className="link-list">
          {ADMIN_PAGES.filter((p) => hasRole(me, ...p.roles)).map((p) => (
            <li key={p.path}>
              <Link to={`/admin/${p.path}`}>{t(`admin.${p.path}.title`)}</Link>
            </li>
          ))}
        </ul>
      </section>
      <StaffLinks />
      <BookingStaffLinks />
      <GovernanceStaffLinks />
    </Page>
  );
}

function QueueCard({ queue: q }: { queue: StaffQueue }) {
  const { t } = useTranslation();
  return (
    <li className={`card staff-queue${q.overdue ? ' is-overdue' : ''}`}>
      <h3 className="card-title">
        <Icon name="empty" /> <Link to={q.link}>{q.label}</Link>
      </h3>
      <p className="staff-queue-count">{t('staffHome.count', { count: q.count })}</p>
      {q.oldestWorkingDays !== null && (
        <p>
          {q.oldestWorkingDays === 0
            ? t('staffHome.oldestToday')
            : t('staffHome.oldest', { days: q.oldestWorkingDays })}
        </p>
      )}
      {q.targetWorkingDays !== null && (
        <p className="note">{t('staffHome.target', { days: q.targetWorkingDays })}</p>
      )}
      {q.overdueCount > 0 && (
        <p className="staff-queue-overdue">{t('staffHome.overdueCount', { count: q.overdueCount })}</p>
      )}
    </li>
  );
}
