import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api, setCsrfToken } from '../../api/client.ts';
import { useOidc } from '../../api/public.ts';
import { useRefreshSession } from '../../api/session.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Page } from '../../ui/Page.tsx';

type LoginAnswer = { csrfToken: string } | { twoFactorRequired: true };

/** Only same-site paths, so a crafted ?next= cannot send people elsewhere. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function Login() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const refresh = useRefreshSession();
  const oidc = useOidc();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(
    params.get('error') === 'oidc' ? t('auth.oidcFailed') : null,
  );
  const [busy, setBusy] = useState(false);

  const finish = async (answer: { csrfToken: string }) => {
    setCsrfToken(answer.csrfToken);
    await refresh();
    navigate(safeNext(params.get('next')));
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    setErrors({});
    try {
      await work();
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.fieldErrors());
        setFailure(err.message);
        if (err.code === 'two_factor_expired') {
          setStep('password');
          setCode('');
        }
      }
    } finally {
      setBusy(false);
    }
  };

  const submitPassword = (e: FormEvent) => {
    e.preventDefault();
    run(async () => {
      const answer = await api<LoginAnswer>('/api/v1/auth/login', {
        method: 'POST',
        body: { email, password },
      });
      if ('twoFactorRequired' in answer) {
        setPassword('');
        setStep('code');
      } else await finish(answer);
    });
  };

  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    run(async () =>
      finish(
        await api<{ csrfToken: string }>('/api/v1/auth/login/two-factor', {
          method: 'POST',
          body: { code: code.trim() },
        }),
      ),
    );
  };

  return (
    <Page title={t('auth.loginTitle')}>
      {failure && <Alert kind="danger">{failure}</Alert>}
      {step === 'password' ? (
        <form onSubmit={submitPassword} noValidate className="form">
          <TextField
            label={t('auth.email')}
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            error={errors.email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <TextField
            label={t('auth.password')}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            error={errors.password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <Button type="submit" disabled={busy}>
            {t('auth.loginSubmit')}
          </Button>
        </form>
      ) : (
        <form onSubmit={submitCode} noValidate className="form">
          <p>{t('auth.twoFactorLead')}</p>
          <TextField
            label={t('auth.twoFactorCode')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            maxLength={6}
            required
            value={code}
            error={errors.code}
            onChange={(e) => setCode(e.target.value)}
          />
          <Button type="submit" disabled={busy}>
            {t('auth.twoFactorSubmit')}
          </Button>
        </form>
      )}
      {oidc.data?.enabled && step === 'password' && (
        <p className="oidc">
          <a className="btn btn-secondary" href="/api/v1/auth/oidc/start">
            {t('auth.oidcLogin', { name: oidc.data.name ?? 'OIDC' })}
          </a>
        </p>
      )}
      <ul className="link-list">
        <li>
          <Link to="/reset-password">{t('auth.forgotPassword')}</Link>
        </li>
        <li>
          <Link to="/signup">{t('auth.noAccount')}</Link>
        </li>
      </ul>
    </Page>
  );
}
