import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
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
import { ResponsiveTable } from '../../ui/ResponsiveTable.tsx';
import '../../ui/Table.css';
import '../notify/messages.ts';
import './preferences-messages.ts';

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
  const id = useId();
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
      {/* A compact grid instead of a box of four checkboxes per kind: each box is named by its row
          (the kind) and its column (the channel), so a screen reader reads "새 정책 알림 이메일". */}
      <ResponsiveTable label={t('mePrefs.caption')}>
        <table className="table pref-table">
          <caption className="visually-hidden">{t('mePrefs.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mePrefs.kind')}</th>
              {CHANNELS.map(([channel, label]) => (
                <th key={channel} scope="col" id={`${id}-${channel}`}>
                  {t(label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((p, i) => (
              <tr key={p.kind}>
                <th scope="row" id={`${id}-kind-${i}`}>
                  {p.label}
                </th>
                {CHANNELS.map(([channel]) => (
                  <td key={channel}>
                    <input
                      type="checkbox"
                      aria-labelledby={`${id}-kind-${i} ${id}-${channel}`}
                      {...form.register(`items.${i}.channels.${channel}`)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ResponsiveTable>
      <Button type="submit" disabled={mutation.isPending}>
        {t('common.save')}
      </Button>
    </form>
  );
}
