import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { Page } from '../ui/Page.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import './me/notify-messages.ts';
import { useAction } from './me/useAction.ts';

// The page an email or text message links to. Opening it changes nothing (mail scanners open
// links); the button does, without signing in: the token in the link names the person and kind.
export default function Unsubscribe() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const target = useQuery({
    queryKey: ['unsubscribe', token, i18n.language],
    queryFn: () =>
      api<{ kind: string; label: string }>(`/api/v1/unsubscribe?token=${encodeURIComponent(token)}`),
    enabled: token !== '',
    retry: false,
  });
  const action = useAction();
  const confirm = () =>
    action.run(async () => {
      const done = await api<{ label: string }>('/api/v1/unsubscribe', { method: 'POST', body: { token } });
      return t('notify.unsubscribe.done', { label: done.label });
    });
  return (
    <Page title={t('notify.unsubscribe.title')}>
      {token === '' ? (
        <Alert kind="danger">{t('notify.unsubscribe.noToken')}</Alert>
      ) : (
        <QueryState query={target}>
          {(data) => (
            <>
              {action.message ? (
                <Alert kind={action.message.kind}>{action.message.text}</Alert>
              ) : (
                <>
                  <p>{t('notify.unsubscribe.lead', { label: data.label })}</p>
                  <Button onClick={confirm} disabled={action.busy}>
                    {t('notify.unsubscribe.confirm')}
                  </Button>
                </>
              )}
              <p>
                <Link to="/my#me-prefs">{t('notify.unsubscribe.settingsLink')}</Link>
              </p>
            </>
          )}
        </QueryState>
      )}
    </Page>
  );
}
