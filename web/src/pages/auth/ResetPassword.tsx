import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Page } from '../../ui/Page.tsx';

// Without a token: ask for the link by email. With ?token=…: choose the new password.
export function ResetPassword() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return token ? <ResetConfirm token={token} /> : <ResetRequest />;
}

function ResetRequest() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setFieldError(undefined);
    try {
      await api('/api/v1/auth/password-reset', { method: 'POST', body: { email } });
      setSent(true);
    } catch (err) {
      if (err instanceof ApiError) {
        setFieldError(err.fieldErrors().email);
        setError(err.message);
      }
    }
  };
  return (
    <Page title={t('auth.resetTitle')} lead={t('auth.resetLead')}>
      {sent ? (
        <Alert kind="success">{t('auth.resetSent')}</Alert>
      ) : (
        <form onSubmit={submit} noValidate className="form">
          {error && <Alert kind="danger">{error}</Alert>}
          <TextField
            label={t('auth.email')}
            type="email"
            name="email"
            autoComplete="email"
            required
            value={email}
            error={fieldError}
            onChange={(e) => setEmail(e.target.value)}
          />
          <Button type="submit">{t('auth.resetSubmit')}</Button>
        </form>
      )}
    </Page>
  );
}

function ResetConfirm({ token }: { token: string }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setFieldError(undefined);
    if (password.length < 10) {
      setFieldError(t('auth.passwordRule'));
      return;
    }
    try {
      await api('/api/v1/auth/password-reset/confirm', { method: 'POST', body: { token, password } });
      setDone(true);
    } catch (err) {
      if (err instanceof ApiError) {
        setFieldError(err.fieldErrors().password);
        setError(err.message);
      }
    }
  };
  return (
    <Page title={t('auth.resetConfirmTitle')}>
      {done ? (
        <>
          <Alert kind="success">{t('auth.resetDone')}</Alert>
          <p>
            <Link to="/login">{t('shell.login')}</Link>
          </p>
        </>
      ) : (
        <form onSubmit={submit} noValidate className="form">
          {error && <Alert kind="danger">{error}</Alert>}
          <TextField
            label={t('auth.newPassword')}
            type="password"
            name="password"
            autoComplete="new-password"
            required
            hint={t('auth.passwordRule')}
            value={password}
            error={fieldError}
            onChange={(e) => setPassword(e.target.value)}
          />
          <Button type="submit">{t('auth.resetConfirmSubmit')}</Button>
        </form>
      )}
    </Page>
  );
}
