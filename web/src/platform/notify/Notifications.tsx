import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { markAllRead, markRead, useNotifications } from '../../api/notify.ts';
import { Button } from '../../ui/Button.tsx';
import { MutationAlert } from '../../ui/MutationAlert.tsx';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { RequireSignIn } from '../auth/RequireSignIn.tsx';
import { NotificationGroups } from './NotificationGroups.tsx';
import './notify.css';

export function Notifications() {
  const { t } = useTranslation();
  return <RequireSignIn title={t('notifications.title')}>{() => <NotificationList />}</RequireSignIn>;
}

function NotificationList() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useNotifications();
  // The list and the bell's count both change.
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const readOne = useMutation({ mutationFn: markRead, onSuccess });
  const readAll = useMutation({ mutationFn: markAllRead, onSuccess });
  return (
    <Page title={t('notifications.title')}>
      <QueryState query={list}>
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          return (
            <>
              <MutationAlert mutation={readAll.isError ? readAll : readOne} />
              <div className="toolbar">
                <p>{t('notifications.unread', { count: data.pages[0]?.unread ?? 0 })}</p>
                <Button
                  variant="tertiary"
                  onClick={() => readAll.mutate()}
                  disabled={!data.pages[0]?.unread || readAll.isPending}
                >
                  {t('notifications.readAll')}
                </Button>
              </div>
              {items.length === 0 ? (
                <p>{t('notifications.empty')}</p>
              ) : (
                <NotificationGroups
                  items={items}
                  open
                  level={2}
                  onOpen={(n) => {
                    if (!n.readAt) readOne.mutate(n.id);
                  }}
                  onMarkRead={(n) => readOne.mutate(n.id)}
                  markingId={readOne.isPending ? readOne.variables : undefined}
                />
              )}
              {list.hasNextPage && (
                <Button variant="secondary" onClick={() => list.fetchNextPage()}>
                  {t('common.more')}
                </Button>
              )}
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
