import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PasswordResetBody, PasswordResetConfirmBody } from '../../../../contracts/auth.ts';
import { confirmPasswordReset, requestPasswordReset } from '../../api/auth.ts';
import { useFormMutation, useZodForm } from '../../forms/useZodForm.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { MutationAlert } from '../../ui/MutationAlert.tsx';
import { Page } from '../../ui/Page.tsx';

// Without a token: ask for the link by email. With ?token=…: choose the new password.
export default function ResetPassword() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return token ? <ResetConfirm token={token} /> : <ResetRequest />;
}

function ResetRequest() {
  const { t } = useTranslation();
  const form = useZodForm(PasswordResetBody, { defaultValues: { email: '' } });
  const { mutation, onSubmit } = useFormMutation(form, { mutationFn: requestPasswordReset });
  return (
    <Page title={t('auth.resetTitle')} lead={t('auth.resetLead')}>
      {mutation.isSuccess ? (
        <Alert kind="success">{t('auth.resetSent')}</Alert>
      ) : (
        <form onSubmit={onSubmit} noValidate className="form">
          <MutationAlert mutation={mutation} />
          <TextField
            label={t('auth.email')}
            type="email"
            autoComplete="email"
            required
            error={form.formState.errors.email?.message}
            {...form.register('email')}
          />
          <Button type="submit" disabled={mutation.isPending}>
            {t('auth.resetSubmit')}
          </Button>
        </form>
      )}
    </Page>
  );
}

const NewPassword = PasswordResetConfirmBody.pick({ password: true });

function ResetConfirm({ token }: { token: string }) {
  const { t } = useTranslation();
  const form = useZodForm(NewPassword, { defaultValues: { password: '' } });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: ({ password }: { password: string }) => confirmPasswordReset({ token, password }),
  });
  return (
    <Page title={t('auth.resetConfirmTitle')}>
      {mutation.isSuccess ? (
        <>
          <Alert kind="success">{t('auth.resetDone')}</Alert>
          <p>
            <Link to="/login">{t('shell.login')}</Link>
          </p>
        </>
      ) : (
        <form onSubmit={onSubmit} noValidate className="form">
          <MutationAlert mutation={mutation} />
          <TextField
            label={t('auth.newPassword')}
            type="password"
            autoComplete="new-password"
            required
            hint={t('auth.passwordRule')}
            error={form.formState.errors.password?.message}
            {...form.register('password')}
          />
          <Button type="submit" disabled={mutation.isPending}>
            {t('auth.resetConfirmSubmit')}
          </Button>
        </form>
      )}
    </Page>
  );
}
