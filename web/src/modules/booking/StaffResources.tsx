import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSignIn } from '../../platform/auth/RequireSignIn.tsx';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { usePlaces } from './api.ts';
import './booking.css';
import './messages.ts';
import './resources-admin-messages.ts';
import './resources-lifecycle-messages.ts';
import './staff-resources.css';

// Staff: every place with its rooms, desks and vehicle; each links to its hours or rules page.
export default function StaffResourcesPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('bookingAdmin.title')} roles={['staff', 'admin']}>
      {() => <StaffResources />}
    </RequireSignIn>
  );
}

function StaffResources() {
  const { t } = useTranslation();
  const places = usePlaces();
  return (
    <Page
      title={t('bookingAdmin.title')}
      crumbs={[{ to: '/staff', label: t('shell.staffHome') }]}
      lead={t('bookingAdmin.lead')}
    >
      <p>
        <Link className="btn btn-primary" to="/booking/staff/resources/new">
          {t('resourceLife.add')}
        </Link>
      </p>
      <QueryState query={places}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="note">{t('bookingAdmin.none')}</p>
          ) : (
            data.items.map((place) => (
              <section key={place.id} aria-labelledby={`place-${place.id}`} className="section staff-place">
                <h2 id={`place-${place.id}`}>{place.name}</h2>
                <p>
                  <Link to={`/booking/staff/places/${place.id}`}>
                    {t('bookingAdmin.placeHours')}
                    <span className="visually-hidden"> ({place.name})</span>
                  </Link>
                </p>
                <ul className="booking-resources">
                  {place.resources.map((r) => (
                    <li key={r.id}>
                      <Link to={`/booking/staff/resources/${r.id}`}>
                        <strong>{r.name}</strong>
                        <br />
                        <span>
                          {t('bookingAdmin.summary', {
                            kind: t(`booking.kind.${r.kind}`),
                            capacity: r.capacity,
                            audience: t(`booking.audience.${r.audience}`),
                            minutes: r.slotMinutes,
                          })}
                          {r.approvalNeeded ? ` · ${t('booking.ruleApproval')}` : ''}
                        </span>
                        <span className="visually-hidden"> — {t('bookingAdmin.editRules')}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            ))
          )
        }
      </QueryState>
    </Page>
  );
}
