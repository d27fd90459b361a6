import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './messages.ts';
import './programs/messages.ts';

// The rooms' staff pages, listed on the staff home (/staff).
const PAGES = [
  ['staff', '/booking/staff'],
  ['staffCheckin', '/booking/staff/checkin'],
  ['appealsTitle', '/booking/staff/appeals'],
  ['statsTitle', '/booking/staff/stats'],
  ['resourcesAdmin', '/booking/staff/resources'],
] as const;

export function BookingStaffLinks() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="booking-staff-pages" className="section">
      <h2 id="booking-staff-pages">{t('booking.title')}</h2>
      <ul className="link-list">
        {PAGES.map(([key, to]) => (
          <li key={key}>
            <Link to={to}>{t(`booking.${key}`)}</Link>
          </li>
        ))}
        <li>
          <Link to="/booking/staff/programs">{t('programs.staff.title')}</Link>
        </li>
      </ul>
    </section>
  );
}
