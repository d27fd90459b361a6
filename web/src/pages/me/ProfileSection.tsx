import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { MeView } from '../../api/types.ts';
import { type Language, rememberLanguage } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { useAction } from './useAction.ts';

export function ProfileSection({ me }: { me: MeView }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [displayName, setDisplayName] = useState(me.displayName);
  const [locale, setLocale] = useState<Language>(me.locale);
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    action.run(async () => {
      const updated = await api<MeView>('/api/v1/me', {
        method: 'PATCH',
        body: { displayName: displayName.trim(), locale },
      });
      queryClient.setQueryData(['me'], updated);
      rememberLanguage(locale);
      if (locale !== i18n.language) await i18n.changeLanguage(locale);
      return t('me.profileSaved');
    });
  };
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
      <form onSubmit={submit} className="form" noValidate>
        {action.message && <Alert kind={action.message.kind}>{action.message.text}</Alert>}
        <TextField
          label={t('auth.displayName')}
          name="displayName"
          required
          maxLength={50}
          value={displayName}
          error={action.fieldErrors.displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <SelectField
          label={t('me.language')}
          name="locale"
          value={locale}
          onChange={(e) => setLocale(e.target.value as Language)}
        >
          <option value="ko" lang="ko">
            한국어
          </option>
          <option value="en" lang="en">
            English
          </option>
        </SelectField>
        <Button type="submit" disabled={action.busy}>
          {t('common.save')}
        </Button>
      </form>
    </section>
  );
}
