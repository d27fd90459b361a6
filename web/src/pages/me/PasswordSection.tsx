import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { useAction } from './useAction.ts';

export function PasswordSection() {
  const { t } = useTranslation();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (newPassword.length < 10) {
      action.setFieldErrors({ newPassword: t('auth.passwordRule') });
      return;
    }
    action.run(async () => {
      await api('/api/v1/me/password', { method: 'POST', body: { currentPassword, newPassword } });
      setCurrent('');
      setNew('');
      return t('me.passwordChanged');
    });
  };
  return (
    <section aria-labelledby="me-password" className="section">
      <h2 id="me-password">{t('me.passwordTitle')}</h2>
      <form onSubmit={submit} className="form" noValidate>
        {action.message && <Alert kind={action.message.kind}>{action.message.text}</Alert>}
        <TextField
          label={t('me.currentPassword')}
          type="password"
          name="currentPassword"
          autoComplete="current-password"
          required
          value={currentPassword}
          error={action.fieldErrors.currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <TextField
          label={t('auth.newPassword')}
          type="password"
          name="newPassword"
          autoComplete="new-password"
          required
          hint={t('auth.passwordRule')}
          value={newPassword}
          error={action.fieldErrors.newPassword}
          onChange={(e) => setNew(e.target.value)}
        />
        <Button type="submit" disabled={action.busy}>
          {t('me.passwordSubmit')}
        </Button>
      </form>
    </section>
  );
}
