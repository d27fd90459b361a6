import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnreadCount } from '../api/notify.ts';

// The notification bell with its unread count (checked every minute while the page is open).
export function Bell() {
  const { t } = useTranslation();
  const unread = useUnreadCount();
  const count = unread.data?.count ?? 0;
  return (
    // The accessible name holds the visible count (WCAG 2.5.3 label in name): hidden words around it.
    <Link to="/notifications" className="bell">
      <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
        />
      </svg>
      {count > 0 ? (
        <>
          <span className="visually-hidden">{t('shell.unreadBefore')} </span>
          <span className="bell-count">{count > 99 ? '99+' : count}</span>
          <span className="visually-hidden"> {t('shell.unreadAfter')}</span>
        </>
      ) : (
        <span className="visually-hidden">{t('shell.notificationsLabel')}</span>
      )}
    </Link>
  );
}
