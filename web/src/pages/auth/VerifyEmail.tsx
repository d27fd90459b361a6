import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Page } from '../../ui/Page.tsx';

export function VerifyEmail() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [state, setState] = useState<{ status: 'working' | 'done' | 'failed'; message?: string }>({
    status: 'working',
  });
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return; // the token is single use: send it once even under StrictMode
    sent.current = true;
    if (!token) {
      setState({ status: 'failed', message: t('auth.verifyMissing') });
      return;
    }
    api('/api/v1/auth/verify-email', { method: 'POST', body: { token } })
      .then(() => setState({ status: 'done' }))
      .catch((err) =>
        setState({
          status: 'failed',
          message: err instanceof ApiError ? err.message : t('common.unexpectedError'),
        }),
      );
  }, [token, t]);
  return (
    <Page title={t('auth.verifyTitle')}>
      {state.status === 'working' && <p className="loading">{t('auth.verifying')}</p>}
      {state.status === 'done' && (
        <>
          <Alert kind="success" title={t('auth.verifyDone')} />
          <p>
            <Link to="/login">{t('shell.login')}</Link>
          </p>
        </>
      )}
      {state.status === 'failed' && <Alert kind="danger">{state.message}</Alert>}
    </Page>
  );
}
