import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { unsubscribe, useUnsubscribeTarget } from '../../api/notify.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { MutationAlert } from '../../ui/MutationAlert.tsx';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import './messages.ts';

// The page an email or text message links to. Opening it changes nothing (mail scanners open
// links); the button does, without signing in: the token in the link names the person and kind.
export default function Unsubscribe() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const target = useUnsubscribeTarget(token);
  const confirm = useMutation({ mutationFn: () => unsubscribe(token) });
  return (
    <Page title={t('notify.unsubscribe.title')}>
      {token === '' ? (
        <Alert kind="danger">{t('notify.unsubscribe.noToken')}</Alert>
      ) : (
        <QueryState query={target}>
          {(data) => (
            <>
              {confirm.isIdle || confirm.isPending ? (
                <>
                  <p>{t('notify.unsubscribe.lead', { label: data.label })}</p>
                  <Button onClick={() => confirm.mutate()} disabled={confirm.isPending}>
                    {t('notify.unsubscribe.confirm')}
                  </Button>
                </>
              ) : (
                <MutationAlert
                  mutation={confirm}
                  success={confirm.data && t('notify.unsubscribe.done', { label: confirm.data.label })}
                />
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
