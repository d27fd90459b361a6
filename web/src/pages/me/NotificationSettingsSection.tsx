import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import './notify-messages.ts';
import { useAction } from './useAction.ts';

interface Settings {
  quietHours: { enabled: boolean; start: string; end: string };
  mobileNumber: string | null;
  emailDigest: boolean;
}

// Quiet hours, the mobile number for text messages and the daily digest: one form, saved together.
export function NotificationSettingsSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = ['notification-settings'];
  const settings = useQuery({
    queryKey: key,
    queryFn: () => api<Settings>('/api/v1/me/notification-settings'),
  });
  const [draft, setDraft] = useState<Settings | null>(null);
  useEffect(() => {
    if (settings.data) setDraft(settings.data);
  }, [settings.data]);
  const action = useAction();
  const quiet = (change: Partial<Settings['quietHours']>) =>
    draft && setDraft({ ...draft, quietHours: { ...draft.quietHours, ...change } });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    action.run(async () => {
      const mobile = draft.mobileNumber?.trim() ?? '';
      const saved = await api<Settings>('/api/v1/me/notification-settings', {
        method: 'PUT',
        body: { ...draft, mobileNumber: mobile === '' ? null : mobile },
      });
      queryClient.setQueryData(key, saved);
      return t('notify.settings.saved');
    });
  };
  return (
    <section aria-labelledby="me-delivery" className="section">
      <h2 id="me-delivery">{t('notify.settings.title')}</h2>
      <QueryState query={settings}>
        {() =>
          draft && (
            <form onSubmit={submit} className="form" noValidate>
              {action.message && <Alert kind={action.message.kind}>{action.message.text}</Alert>}
              <fieldset className="pref">
                <legend>{t('notify.settings.quietLegend')}</legend>
                <p className="field-hint">{t('notify.settings.quietHint')}</p>
                <label className="inline-check">
                  <input
                    type="checkbox"
                    checked={draft.quietHours.enabled}
                    onChange={() => quiet({ enabled: !draft.quietHours.enabled })}
                  />{' '}
                  {t('notify.settings.quietEnabled')}
                </label>
                <TextField
                  type="time"
                  label={t('notify.settings.quietStart')}
                  value={draft.quietHours.start}
                  disabled={!draft.quietHours.enabled}
                  onChange={(e) => quiet({ start: e.target.value })}
                  error={action.fieldErrors['quietHours.start']}
                />
                <TextField
                  type="time"
                  label={t('notify.settings.quietEnd')}
                  value={draft.quietHours.end}
                  disabled={!draft.quietHours.enabled}
                  onChange={(e) => quiet({ end: e.target.value })}
                  error={action.fieldErrors['quietHours.end']}
                />
              </fieldset>
              <TextField
                type="tel"
                inputMode="tel"
                autoComplete="tel-national"
                label={t('notify.settings.mobile')}
                hint={t('notify.settings.mobileHint')}
                placeholder="010-1234-5678"
                value={draft.mobileNumber ?? ''}
                onChange={(e) => setDraft({ ...draft, mobileNumber: e.target.value })}
                error={action.fieldErrors.mobileNumber}
              />
              <label className="inline-check">
                <input
                  type="checkbox"
                  checked={draft.emailDigest}
                  onChange={() => setDraft({ ...draft, emailDigest: !draft.emailDigest })}
                />{' '}
                {t('notify.settings.digest')}
              </label>
              <Button type="submit" disabled={action.busy}>
                {t('common.save')}
              </Button>
            </form>
          )
        }
      </QueryState>
    </section>
  );
}
