import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasRole } from '../../api/session.ts';
import { Page } from '../../ui/Page.tsx';
import { RequireSignIn } from '../auth/RequireSignIn.tsx';

// Admin tools; the users list is open to staff too, the rest to admins (the server enforces both).
export const ADMIN_PAGES = [
  { path: 'audit', roles: ['admin'] },
  { path: 'mailbox', roles: ['admin'] },
  { path: 'users', roles: ['admin', 'staff'] },
  { path: 'organization', roles: ['admin'] },
  { path: 'access-log', roles: ['admin'] },
] as const;

export default function AdminHome() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t('admin.title')} roles={['admin', 'staff']}>
      {(me) => (
        <Page title={t('admin.title')}>
          <ul className="offer-grid">
            {ADMIN_PAGES.filter((p) => hasRole(me, ...p.roles)).map((p) => (
              <li key={p.path} className="offer">
                <h2 className="offer-heading">
                  <Link to={`/admin/${p.path}`}>{t(`admin.${p.path}.title`)}</Link>
                </h2>
                <p>{t(`admin.${p.path}.summary`)}</p>
              </li>
            ))}
          </ul>
        </Page>
      )}
    </RequireSignIn>
  );
}

export function useAdminCrumbs() {
  const { t } = useTranslation();
  return [{ to: '/admin', label: t('admin.title') }];
}
