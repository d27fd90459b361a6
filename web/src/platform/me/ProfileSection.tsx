import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { UpdateMeBody } from '../../../../contracts/auth.ts';
import { updateMe } from '../../api/auth.ts';
import type { MeView } from '../../api/session.ts';
import { useFormMutation, useZodForm } from '../../forms/useZodForm.ts';
import { rememberLanguage } from '../../i18n/index.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { MutationAlert } from '../../ui/MutationAlert.tsx';

const ProfileForm = UpdateMeBody.required();

export function ProfileSection({ me }: { me: MeView }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const form = useZodForm(ProfileForm, { defaultValues: { displayName: me.displayName, locale: me.locale } });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: updateMe,
    onSuccess: async (updated) => {
      queryClient.setQueryData(['me'], updated);
      rememberLanguage(updated.locale);
      if (updated.locale !== i18n.language) await i18n.changeLanguage(updated.locale);
    },
  });
  return (
    <section aria-labelledby="me-profile" className="section">
      <h2 id="me-profile">{t('me.profileTitle')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('auth.email')}</dt>
          <dd>{me.email ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('me.roles')}</dt>
          <dd>{me.roles.map((r) => t(`roles.${r}`)).join(', ')}</dd>
        </div>
      </dl>
      <form onSubmit={onSubmit} className="form" noValidate>
        <MutationAlert mutation={mutation} success={t('me.profileSaved')} />
        <TextField
          label={t('auth.displayName')}
          required
          maxLength={50}
          error={form.formState.errors.displayName?.message}
          {...form.register('displayName')}
        />
        <SelectField label={t('me.language')} {...form.register('locale')}>
          <option value="ko" lang="ko">
            한국어
          </option>
          <option value="en" lang="en">
            English
          </option>
        </SelectField>
        <Button type="submit" disabled={mutation.isPending}>
          {t('common.save')}
        </Button>
      </form>
    </section>
  );
}
