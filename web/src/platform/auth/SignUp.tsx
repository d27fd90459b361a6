import { useEffect, useMemo, useRef } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SignupBody } from '../../../../contracts/auth.ts';
import { signUp } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { type PrivacyNotice, useNotices } from '../../api/public.ts';
import { errorOf, useFormMutation, useZodForm } from '../../forms/useZodForm.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Checkbox, TextField } from '../../ui/Field.tsx';
import { MutationAlert } from '../../ui/MutationAlert.tsx';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { NoticeText } from '../privacy/NoticeText.tsx';

type Purpose = keyof typeof SignupBody.shape.consents.shape;

/** Adds (필수)/(선택) unless the notice title already says it. */
function withMark(label: string, title: string, mark: string): string {
  return /필수|선택|required|optional/i.test(title) ? label : `${label} ${mark}`;
}

/** The sign-up contract, plus the server's other rule: every required notice must be agreed to. */
function signupForm(notices: PrivacyNotice[], refused: string) {
  const required = notices.filter((n) => n.required).map((n) => n.purpose as Purpose);
  return SignupBody.omit({ locale: true }).extend({
    consents: SignupBody.shape.consents.superRefine((chosen, ctx) => {
      for (const purpose of required)
        if (chosen[purpose] !== true) ctx.addIssue({ code: 'custom', path: [purpose], message: refused });
    }),
  });
}

export default function SignUp() {
  const { t } = useTranslation();
  const notices = useNotices();
  return (
    <Page title={t('auth.signupTitle')} lead={t('auth.signupLead')}>
      <QueryState query={notices}>{(data) => <SignUpForm notices={data.items} />}</QueryState>
      <p>
        {t('auth.haveAccount')} <Link to="/login">{t('shell.login')}</Link>
      </p>
    </Page>
  );
}

function SignUpForm({ notices }: { notices: PrivacyNotice[] }) {
  const { t, i18n } = useTranslation();
  const schema = useMemo(() => signupForm(notices, t('auth.consentRequired')), [notices, t]);
  const form = useZodForm(schema, {
    defaultValues: {
      email: '',
      password: '',
      displayName: '',
      consents: Object.fromEntries(notices.map((n) => [n.purpose, false])) as { account: boolean },
    },
  });
  const { mutation, onSubmit } = useFormMutation(form, {
    mutationFn: (values: typeof schema._output) =>
      signUp({ ...values, locale: i18n.language === 'en' ? 'en' : 'ko' }),
  });
  const { errors } = form.formState;
  // A refusal that names no field (too many attempts, a server error) is read out where it shows:
  // focus moves to it at the top of the form, instead of staying on the button below the fold.
  const outcome = useRef<HTMLDivElement>(null);
  const fieldless =
    mutation.isError &&
    !(mutation.error instanceof ApiError && Object.keys(mutation.error.fieldErrors()).length > 0);
  useEffect(() => {
    if (fieldless) outcome.current?.focus();
  }, [fieldless]);

  if (mutation.isSuccess) {
    return (
      <>
        <Alert kind="success" title={t('auth.signupDoneTitle')}>
          <p>{t('auth.signupDone', { email: mutation.variables.email })}</p>
        </Alert>
        <p>
          <Link to="/login">{t('shell.login')}</Link>
        </p>
      </>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <div ref={outcome} tabIndex={-1}>
        <MutationAlert mutation={mutation} />
      </div>
      <TextField
        label={t('auth.email')}
        type="email"
        autoComplete="email"
        required
        error={errors.email?.message}
        {...form.register('email')}
      />
      <TextField
        label={t('auth.password')}
        type="password"
        autoComplete="new-password"
        required
        hint={t('auth.passwordRule')}
        error={errors.password?.message}
        {...form.register('password')}
      />
      <TextField
        label={t('auth.displayName')}
        autoComplete="nickname"
        required
        maxLength={50}
        error={errors.displayName?.message}
        {...form.register('displayName')}
      />
      <fieldset className="consents">
        <legend>{t('auth.consentsTitle')}</legend>
        {notices.map((n) => (
          <Controller
            key={n.purpose}
            control={form.control}
            name={`consents.${n.purpose as Purpose}`}
            render={({ field }) => (
              // The DOM name stays consent-<purpose>; the form field is consents.<purpose>.
              <Checkbox
                ref={field.ref}
                name={`consent-${n.purpose}`}
                checked={!!field.value}
                onChange={(e) => field.onChange(e.target.checked)}
                onBlur={field.onBlur}
                error={errorOf(errors, `consents.${n.purpose}`)}
                label={withMark(
                  t('auth.consentAgree', { title: n.title }),
                  n.title,
                  n.required ? t('common.requiredMark') : t('common.optionalMark'),
                )}
                description={<NoticeText notice={n} />}
              />
            )}
          />
        ))}
      </fieldset>
      <Button type="submit" disabled={mutation.isPending}>
        {t('auth.signupSubmit')}
      </Button>
    </form>
  );
}
