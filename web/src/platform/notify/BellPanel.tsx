import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { markRead, useNotifications } from '../../api/notify.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { NotificationGroups } from './NotificationGroups.tsx';
import './messages.ts';

// The bell's panel (loaded when first opened): the latest notifications gathered by kind, each
// group closed until asked ("정책 알림 3"), and the way to the whole list.
export default function BellPanel({ headingId }: { headingId: string }) {
  const { t } = useTranslation();
  const list = useNotifications();
  const queryClient = useQueryClient();
  return (
    <>
      <h2 className="bell-panel-heading" id={headingId}>
        {t('notifications.title')}
      </h2>
      <QueryState query={list}>
        {(data) => {
          const items = data.pages[0]?.items ?? [];
          return items.length === 0 ? (
            <p>{t('notifications.empty')}</p>
          ) : (
            <NotificationGroups
              items={items}
              open={false}
              level={3}
              onOpen={(n) => {
                if (n.readAt) return;
                // Opening one reads it; the count and lists follow.
                markRead(n.id)
                  .then(() => queryClient.invalidateQueries({ queryKey: ['notifications'] }))
                  .catch(() => undefined);
              }}
            />
          );
        }}
      </QueryState>
      <p className="bell-panel-all">
        <Link to="/notifications">{t('notify.bell.all')}</Link>
      </p>
    </>
  );
}
