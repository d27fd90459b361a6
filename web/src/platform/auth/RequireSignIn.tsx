import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { hasRole, type MeView, useMe } from '../../api/session.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Page } from '../../ui/Page.tsx';

// Pages for signed-in people (and, with roles, for staff or admins). The server decides; this only avoids a blank page.
export function RequireSignIn({
  roles,
  title,
  children,
}: {
  roles?: string[];
  title: string;
  children: (me: MeView) => ReactNode;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <p className="loading">{t('common.loading')}</p>;
  if (!me.data) {
    return (
      <Page title={title}>
        <Alert kind="info">{t('auth.signInNeeded')}</Alert>
        <p>
          <Link to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}>
            {t('shell.login')}
          </Link>
        </p>
      </Page>
    );
  }
  if (roles && !hasRole(me.data, ...roles)) {
    return (
      <Page title={title}>
        <Alert kind="danger">{t('auth.notAllowed')}</Alert>
      </Page>
    );
  }
  return <>{children(me.data)}</>;
}
