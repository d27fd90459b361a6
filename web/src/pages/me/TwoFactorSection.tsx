import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { MeView } from '../../api/types.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { useAction } from './useAction.ts';

// TOTP: ask for a secret, show it (as an otpauth link and as text to type into an authenticator), confirm with a code.
export function TwoFactorSection({ me }: { me: MeView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [setup, setSetup] = useState<{ secret: string; otpauthUrl: string } | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  const refreshMe = () => queryClient.invalidateQueries({ queryKey: ['me'] });

  const start = () =>
    action.run(async () => {
      setSetup(
        await api<{ secret: string; otpauthUrl: string }>('/api/v1/me/two-factor/setup', { method: 'POST' }),
      );
      return undefined;
    });
  const enable = (e: FormEvent) => {
    e.preventDefault();
    action.run(async () => {
      await api('/api/v1/me/two-factor/enable', { method: 'POST', body: { code: code.trim() } });
      setSetup(null);
      setCode('');
      await refreshMe();
      return t('me.twoFactorEnabled');
    });
  };
  const disable = (e: FormEvent) => {
    e.preventDefault();
    action.run(async () => {
      await api('/api/v1/me/two-factor/disable', {
        method: 'POST',
        body: { ...(me.hasPassword ? { password } : {}), code: code.trim() },
      });
      setPassword('');
      setCode('');
      await refreshMe();
      return t('me.twoFactorDisabled');
    });
  };

  return (
    <section aria-labelledby="me-2fa" className="section">
      <h2 id="me-2fa">{t('me.twoFactorTitle')}</h2>
      {me.twoFactorSetupRequired && <Alert kind="warning">{t('me.twoFactorRequiredNotice')}</Alert>}
      {action.message && <Alert kind={action.message.kind}>{action.message.text}</Alert>}
      <p className="status-line">{me.twoFactorEnabled ? t('me.twoFactorOn') : t('me.twoFactorOff')}</p>
      {!me.twoFactorEnabled && !setup && (
        <Button variant="secondary" onClick={start} disabled={action.busy}>
          {t('me.twoFactorStart')}
        </Button>
      )}
      {!me.twoFactorEnabled && setup && (
        <form onSubmit={enable} className="form" noValidate>
          <p>{t('me.twoFactorHowTo')}</p>
          <dl className="facts">
            <div>
              <dt>{t('me.twoFactorSecret')}</dt>
              <dd>
                <code className="secret" data-testid="totp-secret">
                  {setup.secret}
                </code>
              </dd>
            </div>
            <div>
              <dt>{t('me.twoFactorLink')}</dt>
              <dd>
                <a href={setup.otpauthUrl} className="break">
                  {setup.otpauthUrl}
                </a>
              </dd>
            </div>
          </dl>
          <TextField
            label={t('auth.twoFactorCode')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            value={code}
            error={action.fieldErrors.code}
            onChange={(e) => setCode(e.target.value)}
          />
          <Button type="submit" disabled={action.busy}>
            {t('me.twoFactorEnable')}
          </Button>
        </form>
      )}
      {me.twoFactorEnabled && (
        <form onSubmit={disable} className="form" noValidate>
          {me.hasPassword && (
            <TextField
              label={t('me.currentPassword')}
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              error={action.fieldErrors.password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
          <TextField
            label={t('auth.twoFactorCode')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            value={code}
            error={action.fieldErrors.code}
            onChange={(e) => setCode(e.target.value)}
          />
          <Button type="submit" variant="tertiary" disabled={action.busy}>
            {t('me.twoFactorDisable')}
          </Button>
        </form>
      )}
    </section>
  );
}
