import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSignIn } from '../../../platform/auth/RequireSignIn.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Page } from '../../../ui/Page.tsx';
import { PrevNextPager, useCursorPages } from '../../../ui/Pager.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { useStaffPrograms } from './api.ts';
import '../booking.css';
import '../../../platform/staff/messages.ts';
import './admin-messages.ts';
import './messages.ts';

// Staff: every program, past ones too, with the seats held, the capacity and the waiting list; each
// opens its sessions (roll call), people and survey results. Reached from the staff home's queue.
export default function StaffProgramsPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('programs.staff.title')} roles={['staff', 'admin']}>
      {() => <StaffPrograms />}
    </RequireSignIn>
  );
}

function StaffPrograms() {
  const { t } = useTranslation();
  const pages = useCursorPages();
  const programs = useStaffPrograms(pages.cursor);
  return (
    <Page
      title={t('programs.staff.title')}
      lead={t('programs.staff.lead')}
      crumbs={[
        { to: '/staff', label: t('staffHome.title') },
        { to: '/booking/programs', label: t('programs.title') },
      ]}
    >
      <p>
        <Link className="btn btn-primary" to="/booking/staff/programs/new">
          {t('programAdmin.newProgram')}
        </Link>
      </p>
      <QueryState query={programs} loading={{ cards: 3 }}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState icon="calendar" title={t('programs.none')} headingLevel={2} />
          ) : (
            <>
              <h2>{t('programs.staff.list')}</h2>
              <ul className="booking-list">
                {data.items.map((p) => (
                  <li key={p.id} className="booking-item">
                    <h3 className="card-title">
                      <Link to={`/booking/staff/programs/${p.id}`}>{p.title}</Link>{' '}
                      {p.sample && <span className="badge">{t('programs.sample')}</span>}
                    </h3>
                    <p>
                      {t(`programs.kind.${p.kind}`)}
                      {p.firstSession ? ` · ${formatDateTime(p.firstSession)}` : ''}
                      {p.lastSession && p.lastSession !== p.firstSession
                        ? ` – ${formatDateTime(p.lastSession)}`
                        : ''}
                    </p>
                    <p>
                      {t('programs.staff.registered', {
                        registered: p.registered,
                        capacity: p.capacity,
                        waiting: p.waiting,
                      })}
                    </p>
                  </li>
                ))}
              </ul>
              <PrevNextPager
                page={pages.page}
                shown={data.items.length}
                nextCursor={data.nextCursor}
                loading={programs.isFetching}
                onPrevious={pages.previous}
                onNext={pages.next}
              />
            </>
          )
        }
      </QueryState>
    </Page>
  );
}
