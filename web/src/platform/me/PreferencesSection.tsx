import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NotificationPreferencesBody } from '../../../../contracts/notify.ts';
import {
  type NotificationPreference,
  preferencesKey,
  savePreferences,
  usePreferences,
} from '../../api/notify.ts';
import { useFormMutation, useZodForm } from '../../forms/useZodForm.ts';
import { Button } from '../../ui/Button.tsx';
import { MutationAlert } from '../../ui/MutationAlert.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import '../notify/messages.ts';

type Channel = keyof NotificationPreference['channels'];
const CHANNELS: Array<[Channel, string]> = [
  ['inApp', 'me.channelInApp'],
  ['email', 'me.channelEmail'],
  ['push', 'notify.channelPush'],
  ['sms', 'notify.channelSms'],
];

export function PreferencesSection() {
  const { t } = useTranslation();
  const prefs = usePreferences();
  return (
    <section aria-labelledby="me-prefs" className="section">
      <h2 id="me-prefs">{t('me.preferencesTitle')}</h2>
      <QueryState query={prefs}>{(data) => <PreferencesForm items={data.items} />}</QueryState>
    </section>
  );
}

function PreferencesForm({ items }: { items: NotificationPreference[] }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const toBody = (list: NotificationPreference[]) => ({
    items: list.map(({ kind, channels }) => ({ kind, channels })),
  });
  const form = useZodForm(NotificationPreferencesBody, { defaultValues: toBody(items) });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: savePreferences,
    onSuccess: (saved) => {
      queryClient.setQueryData(preferencesKey(i18n.language), saved);
      form.reset(toBody(saved.items));
    },
  });
  return (
    <form onSubmit={onSubmit} className="form" noValidate>
      <p className="field-hint">{t('notify.channelsHint')}</p>
      <MutationAlert mutation={mutation} success={t('me.preferencesSaved')} />
      {items.map((p, i) => (
        <fieldset key={p.kind} className="pref">
          <legend>{p.label}</legend>
          {CHANNELS.map(([channel, label]) => (
            <label key={channel} className="inline-check">
              <input type="checkbox" {...form.register(`items.${i}.channels.${channel}`)} /> {t(label)}
            </label>
          ))}
        </fieldset>
      ))}
      <Button type="submit" disabled={mutation.isPending}>
        {t('common.save')}
      </Button>
    </form>
  );
}
