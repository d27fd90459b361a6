import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import './notify-messages.ts';
import { useAction } from './useAction.ts';

type Channel = 'inApp' | 'email' | 'push' | 'sms';
interface NotificationPreference {
  kind: string;
  label: string;
  channels: Record<Channel, boolean>;
}
type Items = { items: NotificationPreference[] };
const CHANNELS: Array<[Channel, string]> = [
  ['inApp', 'me.channelInApp'],
  ['email', 'me.channelEmail'],
  ['push', 'notify.channelPush'],
  ['sms', 'notify.channelSms'],
];

export function PreferencesSection() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const key = ['notification-preferences', i18n.language];
  const prefs = useQuery({ queryKey: key, queryFn: () => api<Items>('/api/v1/me/notification-preferences') });
  const [draft, setDraft] = useState<NotificationPreference[]>([]);
  useEffect(() => {
    if (prefs.data) setDraft(prefs.data.items);
  }, [prefs.data]);
  const action = useAction();
  const toggle = (kind: string, channel: Channel) =>
    setDraft(
      draft.map((p) =>
        p.kind === kind ? { ...p, channels: { ...p.channels, [channel]: !p.channels[channel] } } : p,
      ),
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    action.run(async () => {
      const saved = await api<Items>('/api/v1/me/notification-preferences', {
        method: 'PUT',
        body: { items: draft.map(({ kind, channels }) => ({ kind, channels })) },
      });
      queryClient.setQueryData(key, saved);
      return t('me.preferencesSaved');
    });
  };
  return (
    <section aria-labelledby="me-prefs" className="section">
      <h2 id="me-prefs">{t('me.preferencesTitle')}</h2>
      <QueryState query={prefs}>
        {() => (
          <form onSubmit={submit} className="form" noValidate>
            <p className="field-hint">{t('notify.channelsHint')}</p>
            {action.message && <Alert kind={action.message.kind}>{action.message.text}</Alert>}
            {draft.map((p) => (
              <fieldset key={p.kind} className="pref">
                <legend>{p.label}</legend>
                {CHANNELS.map(([channel, label]) => (
                  <label key={channel} className="inline-check">
                    <input
                      type="checkbox"
                      checked={p.channels[channel]}
                      onChange={() => toggle(p.kind, channel)}
                    />{' '}
                    {t(label)}
                  </label>
                ))}
              </fieldset>
            ))}
            <Button type="submit" disabled={action.busy}>
              {t('common.save')}
            </Button>
          </form>
        )}
      </QueryState>
    </section>
  );
}
