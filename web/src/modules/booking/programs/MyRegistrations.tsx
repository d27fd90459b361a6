import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSignIn } from '../../../platform/auth/RequireSignIn.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Page } from '../../../ui/Page.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { CheckinQr } from '../CheckinQr.tsx';
import { timeOf } from '../format.ts';
import '../kiosk-messages.ts';
import { certificateUrl, useMyRegistrations } from './api.ts';
import '../booking.css';
import '../messages.ts';
import './messages.ts';

// 내 강좌·행사 신청: the signed-in person's registrations, newest first, with their place in line,
// sessions attended, completion and certificate, whether a survey waits for them, and on the day of
// a session the check-in QR code staff scan (or its code, to type).
export default function MyRegistrationsPage() {
  const { t } = useTranslation();
  return <RequireSignIn title={t('programs.mine.title')}>{() => <MyRegistrations />}</RequireSignIn>;
}

function MyRegistrations() {
  const { t, i18n } = useTranslation();
  const mine = useMyRegistrations(true);
  return (
    <Page
      title={t('programs.mine.title')}
      crumbs={[
        { to: '/booking', label: t('booking.title') },
        { to: '/booking/programs', label: t('programs.title') },
      ]}
    >
      <QueryState query={mine} loading={{ cards: 2 }}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState
              icon="calendar"
              title={t('programs.mine.none')}
              headingLevel={2}
              actions={<Link to="/booking/programs">{t('programs.title')}</Link>}
            />
          ) : (
            <ul className="booking-list">
              {data.items.map((r) => (
                <li key={r.id} className="booking-item">
                  <h2 className="card-title">
                    <Link to={`/booking/programs/${r.programId}`}>{r.programTitle}</Link>
                  </h2>
                  <p>
                    {t(`programs.status.${r.status}`, {
                      position: r.position ?? '',
                      until: r.offeredUntil ? formatDateTime(r.offeredUntil) : '',
                    })}
                    {r.progress
                      ? ` · ${t('programs.progress', { attended: r.progress.attended, sessions: r.progress.sessions })}`
                      : ''}
                  </p>
                  {r.checkin && (
                    <CheckinQr
                      code={r.checkin.code}
                      label={`${r.programTitle} · ${t('bookingKiosk.qrWhat', {
                        time: `${timeOf(r.checkin.startsAt, i18n.language)}–${timeOf(r.checkin.endsAt, i18n.language)}`,
                        place: r.checkin.place || '—',
                      })}`}
                    />
                  )}
                  {r.progress?.completed && (
                    <p>
                      {t('programs.completed')}{' '}
                      <a href={certificateUrl(r.programId)} download>
                        {t('programs.certificate')}
                        <span className="visually-hidden"> ({r.programTitle})</span>
                      </a>
                    </p>
                  )}
                  {r.survey === 'open' && (
                    <p>
                      <Link to={`/booking/programs/${r.programId}`}>{t('programs.mine.survey')}</Link>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </Page>
  );
}
