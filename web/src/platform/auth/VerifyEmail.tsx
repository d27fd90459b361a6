import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { verifyEmail } from '../../api/auth.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Page } from '../../ui/Page.tsx';

export default function VerifyEmail() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const verify = useMutation({ mutationFn: verifyEmail });
  const { mutate } = verify;
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current || !token) return; // the token is single use: send it once even under StrictMode
    sent.current = true;
    mutate({ token });
  }, [token, mutate]);
  return (
    <Page title={t('auth.verifyTitle')}>
      {!token ? (
        <Alert kind="danger">{t('auth.verifyMissing')}</Alert>
      ) : verify.isSuccess ? (
        <>
          <Alert kind="success" title={t('auth.verifyDone')} />
          <p>
            <Link to="/login">{t('shell.login')}</Link>
          </p>
        </>
      ) : verify.isError ? (
        <Alert kind="danger">{verify.error.message || t('common.unexpectedError')}</Alert>
      ) : (
        <p className="loading">{t('auth.verifying')}</p>
      )}
    </Page>
  );
}
