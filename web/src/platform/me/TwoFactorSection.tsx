import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TwoFactorCodeBody, TwoFactorDisableBody } from '../../../../contracts/two-factor.ts';
import { disableTwoFactor, enableTwoFactor, startTwoFactor } from '../../api/auth.ts';
import type { MeView } from '../../api/session.ts';
import { TypedTotpCode } from '../../forms/totp.ts';
import { useFormMutation, useZodForm } from '../../forms/useZodForm.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { MutationAlert } from '../../ui/MutationAlert.tsx';

const EnableForm = TwoFactorCodeBody.extend({ code: TypedTotpCode });
// Accounts with a password confirm with it; those made through single sign-on have none to give.
const DisableForm = TwoFactorDisableBody.extend({ code: TypedTotpCode });
const DisableWithPassword = DisableForm.required({ password: true });

// TOTP: ask for a secret, show it (as an otpauth link and as text to type into an authenticator), confirm with a code.
export function TwoFactorSection({ me }: { me: MeView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refreshMe = () => queryClient.invalidateQueries({ queryKey: ['me'] });
  const start = useMutation({ mutationFn: startTwoFactor });
  const enableForm = useZodForm(EnableForm, { defaultValues: { code: '' } });
  const enable = useFormMutation(enableForm, {
    mutationFn: enableTwoFactor,
    onSuccess: async () => {
      start.reset();
      enableForm.reset();
      await refreshMe();
    },
  });
  const disableForm = useZodForm(me.hasPassword ? DisableWithPassword : DisableForm, {
    defaultValues: { code: '', ...(me.hasPassword ? { password: '' } : {}) },
  });
  const disable = useFormMutation(disableForm, {
    mutationFn: disableTwoFactor,
    onSuccess: async () => {
      disableForm.reset();
      await refreshMe();
    },
  });
  const setup = start.data;

  return (
    <section aria-labelledby="me-2fa" className="section">
      <h2 id="me-2fa">{t('me.twoFactorTitle')}</h2>
      {me.twoFactorSetupRequired && <Alert kind="warning">{t('me.twoFactorRequiredNotice')}</Alert>}
      <MutationAlert mutation={start} />
      <MutationAlert mutation={enable.mutation} success={t('me.twoFactorEnabled')} />
      <MutationAlert mutation={disable.mutation} success={t('me.twoFactorDisabled')} />
      <p className="status-line">{me.twoFactorEnabled ? t('me.twoFactorOn') : t('me.twoFactorOff')}</p>
      {!me.twoFactorEnabled && !setup && (
        <Button variant="secondary" onClick={() => start.mutate()} disabled={start.isPending}>
          {t('me.twoFactorStart')}
        </Button>
      )}
      {!me.twoFactorEnabled && setup && (
        <form onSubmit={enable.onSubmit} className="form" noValidate>
          <p>{t('me.twoFactorHowTo')}</p>
          <dl className="facts">
            <div>
              <dt>{t('me.twoFactorSecret')}</dt>
              <dd>
                <code className="secret" data-testid="totp-secret">
                  {setup.secret}
                </code>
              </dd>
            </div>
            <div>
              <dt>{t('me.twoFactorLink')}</dt>
              <dd>
                <a href={setup.otpauthUrl} className="break">
                  {setup.otpauthUrl}
                </a>
              </dd>
            </div>
          </dl>
          <TextField
            label={t('auth.twoFactorCode')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            error={enableForm.formState.errors.code?.message}
            {...enableForm.register('code')}
          />
          <Button type="submit" disabled={enable.mutation.isPending}>
            {t('me.twoFactorEnable')}
          </Button>
        </form>
      )}
      {me.twoFactorEnabled && (
        <form onSubmit={disable.onSubmit} className="form" noValidate>
          {me.hasPassword && (
            <TextField
              label={t('me.currentPassword')}
              type="password"
              autoComplete="current-password"
              required
              error={disableForm.formState.errors.password?.message}
              {...disableForm.register('password')}
            />
          )}
          <TextField
            label={t('auth.twoFactorCode')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            error={disableForm.formState.errors.code?.message}
            {...disableForm.register('code')}
          />
          <Button type="submit" variant="tertiary" disabled={disable.mutation.isPending}>
            {t('me.twoFactorDisable')}
          </Button>
        </form>
      )}
    </section>
  );
}
