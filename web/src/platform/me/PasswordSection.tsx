import { useTranslation } from 'react-i18next';
import { ChangePasswordBody } from '../../../../contracts/auth.ts';
import { changePassword } from '../../api/auth.ts';
import { useFormMutation, useZodForm } from '../../forms/useZodForm.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { MutationAlert } from '../../ui/MutationAlert.tsx';

export function PasswordSection() {
  const { t } = useTranslation();
  const form = useZodForm(ChangePasswordBody, { defaultValues: { currentPassword: '', newPassword: '' } });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: changePassword,
    onSuccess: () => form.reset(),
  });
  const { errors } = form.formState;
  return (
    <section aria-labelledby="me-password" className="section">
      <h2 id="me-password">{t('me.passwordTitle')}</h2>
      <form onSubmit={onSubmit} className="form" noValidate>
        <MutationAlert mutation={mutation} success={t('me.passwordChanged')} />
        <TextField
          label={t('me.currentPassword')}
          type="password"
          autoComplete="current-password"
          required
          error={errors.currentPassword?.message}
          {...form.register('currentPassword')}
        />
        <TextField
          label={t('auth.newPassword')}
          type="password"
          autoComplete="new-password"
          required
          hint={t('auth.passwordRule')}
          error={errors.newPassword?.message}
          {...form.register('newPassword')}
        />
        <Button type="submit" disabled={mutation.isPending}>
          {t('me.passwordSubmit')}
        </Button>
      </form>
    </section>
  );
}
