import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import type { Page as ListPage, Notification } from '../api/types.ts';
import { Button } from '../ui/Button.tsx';
import { formatDateTime } from '../ui/format.ts';
import { Page } from '../ui/Page.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { RequireSignIn } from './RequireSignIn.tsx';

export function Notifications() {
  const { t } = useTranslation();
  return <RequireSignIn title={t('notifications.title')}>{() => <NotificationList />}</RequireSignIn>;
}

function NotificationList() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: ['notifications', 'list', i18n.language],
    queryFn: ({ pageParam }) =>
      api<ListPage<Notification> & { unread: number }>(
        `/api/v1/notifications?limit=20${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const markRead = async (id: string) => {
    await api(`/api/v1/notifications/${id}/read`, { method: 'POST' });
    await refresh();
  };
  const markAll = async () => {
    await api('/api/v1/notifications/read-all', { method: 'POST' });
    await refresh();
  };
  return (
    <Page title={t('notifications.title')}>
      <QueryState query={list}>
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          return (
            <>
              <div className="toolbar">
                <p>{t('notifications.unread', { count: data.pages[0]?.unread ?? 0 })}</p>
                <Button variant="tertiary" onClick={markAll} disabled={!data.pages[0]?.unread}>
                  {t('notifications.readAll')}
                </Button>
              </div>
              {items.length === 0 ? (
                <p>{t('notifications.empty')}</p>
              ) : (
                <ul className="card-list">
                  {items.map((n) => (
                    <li key={n.id} className={`card${n.readAt ? '' : ' card-unread'}`}>
                      <h2 className="card-title">
                        {!n.readAt && <span className="badge">{t('notifications.new')}</span>}{' '}
                        {n.link ? <Link to={n.link}>{n.title}</Link> : n.title}
                      </h2>
                      <p>{n.body}</p>
                      <p className="note">
                        <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                      </p>
                      {!n.readAt && (
                        <Button variant="tertiary" onClick={() => markRead(n.id)}>
                          {t('notifications.markRead')}
                        </Button>
                      )}
                    </li>
                  ))}
                </ul>
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
