import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LoginBody } from '../../../../contracts/auth.ts';
import { TwoFactorCodeBody } from '../../../../contracts/two-factor.ts';
import { logIn, logInWithCode } from '../../api/auth.ts';
import { ApiError, setCsrfToken } from '../../api/client.ts';
import { useOidc } from '../../api/public.ts';
import { useRefreshSession } from '../../api/session.ts';
import { TypedTotpCode } from '../../forms/totp.ts';
import { useFormMutation, useZodForm } from '../../forms/useZodForm.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Page } from '../../ui/Page.tsx';

const CodeForm = TwoFactorCodeBody.extend({ code: TypedTotpCode });

/** Only same-site paths, so a crafted ?next= cannot send people elsewhere. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function Login() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const refresh = useRefreshSession();
  const oidc = useOidc();
  const [step, setStep] = useState<'password' | 'code'>('password');

  const finish = async (answer: { csrfToken: string }) => {
    setCsrfToken(answer.csrfToken);
    await refresh();
    navigate(safeNext(params.get('next')));
  };

  const passwordForm = useZodForm(LoginBody, { defaultValues: { email: '', password: '' } });
  const codeForm = useZodForm(CodeForm, { defaultValues: { code: '' } });
  const byCode = useFormMutation(codeForm, {
    mutationFn: logInWithCode,
    onSuccess: finish,
    onError: (err) => {
      // The password step was too long ago: start again from it.
      if (err instanceof ApiError && err.code === 'two_factor_expired') {
        codeForm.reset();
        setStep('password');
      }
    },
  });
  const byPassword = useFormMutation(passwordForm, {
    mutationFn: logIn,
    onSuccess: async (answer) => {
      if ('twoFactorRequired' in answer) {
        passwordForm.resetField('password');
        byCode.mutation.reset();
        setStep('code');
      } else await finish(answer);
    },
  });
  const error = (step === 'password' ? byPassword.mutation.error : null) ?? byCode.mutation.error;
  const oidcFailed = params.get('error') === 'oidc' && byPassword.mutation.isIdle;
  const failure = error?.message ?? (oidcFailed ? t('auth.oidcFailed') : null);
  const errors = passwordForm.formState.errors;

  return (
    <Page title={t('auth.loginTitle')}>
      {failure && <Alert kind="danger">{failure}</Alert>}
      {step === 'password' ? (
        <form onSubmit={byPassword.onSubmit} noValidate className="form">
          <TextField
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            error={errors.email?.message}
            {...passwordForm.register('email')}
          />
          <TextField
            label={t('auth.password')}
            type="password"
            autoComplete="current-password"
            required
            error={errors.password?.message}
            {...passwordForm.register('password')}
          />
          <Button type="submit" disabled={byPassword.mutation.isPending}>
            {t('auth.loginSubmit')}
          </Button>
        </form>
      ) : (
        <form onSubmit={byCode.onSubmit} noValidate className="form">
          <p>{t('auth.twoFactorLead')}</p>
          <TextField
            label={t('auth.twoFactorCode')}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            maxLength={6}
            required
            error={codeForm.formState.errors.code?.message}
            {...codeForm.register('code')}
          />
          <Button type="submit" disabled={byCode.mutation.isPending}>
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
