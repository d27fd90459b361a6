import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasRole, useMe } from '../../../api/session.ts';
import './messages.ts';

// The staff pages, listed on the youth area page for staff and admins only.
const STAFF_PAGES = [
  ['policies', '/youth/staff/policies'],
  ['import', '/youth/staff/import'],
  ['stats', '/youth/staff/alerts'],
] as const;

export function StaffLinks() {
  const { t } = useTranslation();
  const me = useMe();
  if (!hasRole(me.data, 'staff', 'admin')) return null;
  return (
    <section aria-labelledby="youth-staff-pages" className="section">
      <h2 id="youth-staff-pages">{t('youthStaff.area.title')}</h2>
      <ul className="card-list">
        {STAFF_PAGES.map(([key, to]) => (
          <li key={key} className="card">
            <h3 className="card-title">
              <Link to={to}>{t(`youthStaff.area.${key}.title`)}</Link>
            </h3>
            <p>{t(`youthStaff.area.${key}.text`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
