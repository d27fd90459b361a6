import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { verifyEmail } from '../../api/auth.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Page } from '../../ui/Page.tsx';
import './verify-messages.ts';

// A verification link works in any browser state: signed out, signed in to that account, or to
// another one (the server verifies the link's account and names it, masked).
export default function VerifyEmail() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const verify = useMutation({
    mutationFn: verifyEmail,
    // The signed-in person's own account changed: the header and my page read it again.
    onSuccess: (result) => {
      if (result.session === 'same') queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
  const { mutate } = verify;
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current || !token) return; // the token is single use: send it once even under StrictMode
    sent.current = true;
    mutate({ token });
  }, [token, mutate]);
  const result = verify.data;
  return (
    <Page title={t('auth.verifyTitle')}>
      {!token ? (
        <Alert kind="danger">{t('auth.verifyMissing')}</Alert>
      ) : result ? (
        result.session === 'other' ? (
          <>
            <Alert kind="success" title={t('verifyEmail.doneOther', { email: result.email })}>
              {t('verifyEmail.otherAccount')}
            </Alert>
            <p>
              <Link to="/">{t('verifyEmail.toHome')}</Link>
            </p>
          </>
        ) : result.session === 'same' ? (
          <>
            <Alert kind="success" title={t('verifyEmail.doneSame', { email: result.email })} />
            <p>
              <Link to="/my">{t('shell.myPage')}</Link>
            </p>
          </>
        ) : (
          <>
            <Alert kind="success" title={t('verifyEmail.doneSignedOut', { email: result.email })} />
            <p>
              <Link to="/login">{t('shell.login')}</Link>
            </p>
          </>
        )
      ) : verify.isError ? (
        <Alert kind="danger">{verify.error.message || t('common.unexpectedError')}</Alert>
      ) : (
        <p className="loading">{t('auth.verifying')}</p>
      )}
    </Page>
  );
}
