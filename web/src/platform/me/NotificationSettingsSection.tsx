import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { NotificationSettingsBody } from '../../../../contracts/notify.ts';
import {
  type NotificationSettingsView,
  saveNotificationSettings,
  settingsKey,
  useNotificationSettings,
} from '../../api/notify.ts';
import { errorOf, useFormMutation, useZodForm } from '../../forms/useZodForm.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { MutationAlert } from '../../ui/MutationAlert.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import '../notify/messages.ts';

// An empty mobile box means "no number" (null), as the contract has it.
const SettingsForm = NotificationSettingsBody.extend({
  mobileNumber: z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v))
    .pipe(NotificationSettingsBody.shape.mobileNumber),
});
const toForm = (s: NotificationSettingsView) => ({ ...s, mobileNumber: s.mobileNumber ?? '' });

// Quiet hours, the mobile number for text messages and the daily digest: one form, saved together.
export function NotificationSettingsSection() {
  const { t } = useTranslation();
  const settings = useNotificationSettings();
  return (
    <section aria-labelledby="me-delivery" className="section">
      <h2 id="me-delivery">{t('notify.settings.title')}</h2>
      <QueryState query={settings}>{(data) => <DeliveryForm settings={data} />}</QueryState>
    </section>
  );
}

function DeliveryForm({ settings }: { settings: NotificationSettingsView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useZodForm(SettingsForm, { defaultValues: toForm(settings) });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: saveNotificationSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKey, saved);
      form.reset(toForm(saved));
    },
  });
  const quiet = form.watch('quietHours.enabled');
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} className="form" noValidate>
      <MutationAlert mutation={mutation} success={t('notify.settings.saved')} />
      <fieldset className="pref">
        <legend>{t('notify.settings.quietLegend')}</legend>
        <p className="field-hint">{t('notify.settings.quietHint')}</p>
        <label className="inline-check">
          <input type="checkbox" {...form.register('quietHours.enabled')} />{' '}
          {t('notify.settings.quietEnabled')}
        </label>
        <div className="field-pair">
          <TextField
            type="time"
            label={t('notify.settings.quietStart')}
            disabled={!quiet}
            error={errorOf(errors, 'quietHours.start')}
            {...form.register('quietHours.start')}
          />
          <TextField
            type="time"
            label={t('notify.settings.quietEnd')}
            disabled={!quiet}
            error={errorOf(errors, 'quietHours.end')}
            {...form.register('quietHours.end')}
          />
        </div>
      </fieldset>
      <TextField
        type="tel"
        inputMode="tel"
        autoComplete="tel-national"
        label={t('notify.settings.mobile')}
        hint={t('notify.settings.mobileHint')}
        placeholder="010-1234-5678"
        error={errors.mobileNumber?.message}
        {...form.register('mobileNumber')}
      />
      <label className="inline-check">
        <input type="checkbox" {...form.register('emailDigest')} /> {t('notify.settings.digest')}
      </label>
      <Button type="submit" disabled={mutation.isPending}>
        {t('common.save')}
      </Button>
    </form>
  );
}
