import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { useNotices } from '../../api/public.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Checkbox, TextField } from '../../ui/Field.tsx';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { NoticeText } from '../NoticeText.tsx';

/** Adds (필수)/(선택) unless the notice title already says it. */
function withMark(label: string, title: string, mark: string): string {
  return /필수|선택|required|optional/i.test(title) ? label : `${label} ${mark}`;
}

export function SignUp() {
  const { t, i18n } = useTranslation();
  const notices = useNotices();
  const [form, setForm] = useState({ email: '', password: '', displayName: '' });
  const [consents, setConsents] = useState<Record<string, boolean>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const required = (notices.data?.items ?? []).filter((n) => n.required);
    const missing: Record<string, string> = {};
    if (!form.email) missing.email = t('form.required');
    if (form.password.length < 10) missing.password = t('auth.passwordRule');
    if (!form.displayName.trim()) missing.displayName = t('form.required');
    for (const n of required)
      if (!consents[n.purpose]) missing[`consents.${n.purpose}`] = t('auth.consentRequired');
    setErrors(missing);
    setFailure(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      const chosen: Record<string, boolean> = {};
      for (const n of notices.data?.items ?? []) chosen[n.purpose] = !!consents[n.purpose];
      await api('/api/v1/auth/signup', {
        method: 'POST',
        body: { ...form, displayName: form.displayName.trim(), locale: i18n.language, consents: chosen },
      });
      setDone(true);
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.fieldErrors());
        setFailure(err.message);
      }
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Page title={t('auth.signupTitle')}>
        <Alert kind="success" title={t('auth.signupDoneTitle')}>
          <p>{t('auth.signupDone', { email: form.email })}</p>
        </Alert>
        <p>
          <Link to="/login">{t('shell.login')}</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={t('auth.signupTitle')} lead={t('auth.signupLead')}>
      <form onSubmit={submit} noValidate className="form">
        {failure && <Alert kind="danger">{failure}</Alert>}
        <TextField
          label={t('auth.email')}
          type="email"
          name="email"
          autoComplete="email"
          required
          value={form.email}
          error={errors.email}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
        />
        <TextField
          label={t('auth.password')}
          type="password"
          name="password"
          autoComplete="new-password"
          required
          hint={t('auth.passwordRule')}
          value={form.password}
          error={errors.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
        />
        <TextField
          label={t('auth.displayName')}
          name="displayName"
          autoComplete="nickname"
          required
          maxLength={50}
          value={form.displayName}
          error={errors.displayName}
          onChange={(e) => setForm({ ...form, displayName: e.target.value })}
        />
        <fieldset className="consents">
          <legend>{t('auth.consentsTitle')}</legend>
          <QueryState query={notices}>
            {(data) =>
              data.items.map((n) => (
                <Checkbox
                  key={n.purpose}
                  name={`consent-${n.purpose}`}
                  checked={!!consents[n.purpose]}
                  onChange={(e) => setConsents({ ...consents, [n.purpose]: e.target.checked })}
                  error={errors[`consents.${n.purpose}`]}
                  label={withMark(
                    t('auth.consentAgree', { title: n.title }),
                    n.title,
                    n.required ? t('common.requiredMark') : t('common.optionalMark'),
                  )}
                  description={<NoticeText notice={n} />}
                />
              ))
            }
          </QueryState>
        </fieldset>
        <Button type="submit" disabled={busy}>
          {t('auth.signupSubmit')}
        </Button>
      </form>
      <p>
        {t('auth.haveAccount')} <Link to="/login">{t('shell.login')}</Link>
      </p>
    </Page>
  );
}
