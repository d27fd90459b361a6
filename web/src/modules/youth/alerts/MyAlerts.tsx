import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Follow, removeFollow, useFollows, useMyAlerts } from '../../../api/youth.ts';
import { RequireSignIn } from '../../../platform/auth/RequireSignIn.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { MutationAlert } from '../../../ui/MutationAlert.tsx';
import { Page } from '../../../ui/Page.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { targetName, whatOf } from '../follow/FollowButtons.tsx';
import '../follow/follow.css';
import '../follow/messages.ts';
import '../youth.css';

// My alerts and follows: what I follow (each can be removed), the alerts I received newest first
// ("more" loads older ones), and the way to my notification settings.
export default function MyAlertsPage() {
  const { t } = useTranslation();
  return <RequireSignIn title={t('youthFollow.title')}>{() => <MyAlerts />}</RequireSignIn>;
}

function MyAlerts() {
  const { t } = useTranslation();
  return (
    <Page
      title={t('youthFollow.title')}
      crumbs={[{ to: '/youth', label: t('nav.youth') }]}
      lead={t('youthFollow.lead')}
    >
      <section aria-labelledby="youth-my-follows" className="section">
        <h2 id="youth-my-follows">{t('youthFollow.followsTitle')}</h2>
        <MyFollows />
      </section>
      <section aria-labelledby="youth-my-alerts" className="section">
        <h2 id="youth-my-alerts">{t('youthFollow.alertsTitle')}</h2>
        <AlertList />
      </section>
      <section aria-labelledby="youth-alert-settings" className="section">
        <h2 id="youth-alert-settings">{t('youthFollow.settingsTitle')}</h2>
        <p>{t('youthFollow.settingsText')}</p>
        <p>
          <Link to="/my#me-prefs">{t('youthFollow.settingsLink')}</Link>
        </p>
      </section>
    </Page>
  );
}

const KIND_LABEL = {
  policy: 'kindPolicy',
  field: 'kindField',
  keyword: 'kindKeyword',
  region: 'kindRegion',
} as const;

function MyFollows() {
  const { t } = useTranslation();
  const follows = useFollows();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLParagraphElement>(null);
  const remove = useMutation({
    mutationFn: async (f: Follow) => {
      await removeFollow(f.id);
      await queryClient.invalidateQueries({ queryKey: ['youth', 'follows'] });
      return t('youthFollow.removed', { what: whatOf(t, f) });
    },
    // The removed button is gone: keep the keyboard in this list.
    onSuccess: () => heading.current?.focus(),
  });

  return (
    <>
      <p role="status" className="youth-follow-status" tabIndex={-1} ref={heading}>
        {remove.data}
      </p>
      <MutationAlert mutation={remove} />
      <QueryState query={follows}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="note">
              {t('youthFollow.followsNone')} <Link to="/youth/policies">{t('youthFollow.browse')}</Link>
            </p>
          ) : (
            <ul className="youth-follows">
              {data.items.map((f) => (
                <li key={f.id}>
                  <span className="badge">{t(`youthFollow.${KIND_LABEL[f.kind]}`)}</span>{' '}
                  {f.kind === 'policy' ? (
                    f.policyTitle ? (
                      <Link to={`/youth/policies/${f.target}`}>{f.policyTitle}</Link>
                    ) : (
                      t('youthFollow.policyGone')
                    )
                  ) : (
                    targetName(t, f)
                  )}{' '}
                  <Button
                    variant="tertiary"
                    className="btn-small"
                    aria-label={t('youthFollow.removeLabel', { what: whatOf(t, f) })}
                    onClick={() => remove.mutate(f)}
                    disabled={remove.isPending}
                  >
                    {t('youthFollow.remove')}
                  </Button>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}

function AlertList() {
  const { t } = useTranslation();
  const alerts = useMyAlerts();
  const items = alerts.data?.pages.flatMap((p) => p.items) ?? [];
  const firstNew = useRef<HTMLAnchorElement>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  // After "more", the keyboard continues at the first newly loaded alert.
  useEffect(() => {
    if (focusIndex !== null && items.length > focusIndex) {
      firstNew.current?.focus();
      setFocusIndex(null);
    }
  }, [items.length, focusIndex]);

  if (alerts.isPending) return <p className="loading">{t('common.loading')}</p>;
  if (alerts.isError) return <Alert kind="danger">{(alerts.error as Error).message}</Alert>;
  if (items.length === 0) return <p className="note">{t('youthFollow.alertsNone')}</p>;
  return (
    <>
      <p role="status" className="youth-count">
        {t('youthFollow.alertsCount', { count: items.length })}
      </p>
      <ol className="card-list youth-alerts">
        {items.map((a, i) => (
          <li key={a.id} className="card">
            <p className="youth-meta">
              <span className="badge">{t(`youthFollow.kinds.${a.kind}`)}</span>
              <time dateTime={a.createdAt}>{formatDateTime(a.createdAt)}</time>
            </p>
            <p className="card-title">
              <Link to={a.link} ref={i === focusIndex ? firstNew : undefined}>
                {a.policyTitle}
              </Link>
            </p>
          </li>
        ))}
      </ol>
      {alerts.hasNextPage && (
        <p>
          <Button
            variant="secondary"
            disabled={alerts.isFetchingNextPage}
            onClick={() => {
              setFocusIndex(items.length);
              alerts.fetchNextPage();
            }}
          >
            {alerts.isFetchingNextPage ? t('common.loading') : t('common.more')}
          </Button>
        </p>
      )}
    </>
  );
}
