import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  deleteYouthProfile,
  saveYouthProfile,
  setYouthConsent,
  useYouthProfile,
  type YouthProfileView,
} from '../../api/youth.ts';
import { useFormMutation, useZodForm } from '../../forms/useZodForm.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Checkbox } from '../../ui/Field.tsx';
import { MutationAlert } from '../../ui/MutationAlert.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { EMPTY_DRAFT, fromProfile, ProfileFields, ProfileForm } from './ProfileFields.tsx';
import './youth.css';

// My page: the youth profile behind "policies for me". It needs its own optional consent; withdrawing the
// consent makes the server drop the profile, so the form is locked while the consent is off.
export function YouthProfileSection() {
  const { t } = useTranslation();
  const profile = useYouthProfile();
  return (
    <section aria-labelledby="me-youth" className="section">
      <h2 id="me-youth">{t('youth.profile.title')}</h2>
      <p>{t('youth.profile.lead')}</p>
      <QueryState query={profile}>{(view) => <YouthProfileForm view={view} />}</QueryState>
    </section>
  );
}

function YouthProfileForm({ view }: { view: YouthProfileView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['youth'] });
    await queryClient.invalidateQueries({ queryKey: ['consents'] });
  };
  const form = useZodForm(ProfileForm, {
    defaultValues: view.profile ? fromProfile(view.profile) : EMPTY_DRAFT,
  });
  const consent = useMutation({
    mutationFn: setYouthConsent,
    onSuccess: async (_, granted) => {
      // Withdrawing the consent drops the profile on the server: the form empties with it.
      if (!granted) form.reset(EMPTY_DRAFT);
      await refresh();
    },
  });
  const save = useFormMutation(form, {
    mutationFn: saveYouthProfile,
    onSuccess: async (saved) => {
      queryClient.setQueryData(['youth', 'profile'], saved);
      await queryClient.invalidateQueries({ queryKey: ['youth', 'for-me'] });
      await queryClient.invalidateQueries({ queryKey: ['youth', 'eligibility'] });
    },
  });
  const remove = useMutation({
    mutationFn: deleteYouthProfile,
    onSuccess: async () => {
      form.reset(EMPTY_DRAFT);
      await refresh();
    },
  });
  const busy = consent.isPending || save.mutation.isPending || remove.isPending;
  // The latest of the three outcomes is the one to read.
  const last = [consent, save.mutation, remove].reduce((a, b) => (b.submittedAt > a.submittedAt ? b : a));
  const invalid = Object.keys(form.formState.errors).length > 0 && !save.mutation.isError;
  const success =
    last === consent
      ? consent.variables
        ? t('youth.profile.consentOnDone')
        : t('youth.profile.consentOffDone')
      : last === remove
        ? t('youth.profile.deleted')
        : t('youth.profile.saved');

  return (
    <>
      {invalid ? (
        <Alert kind="danger">{t('youth.check.fixErrors')}</Alert>
      ) : (
        <MutationAlert mutation={last} success={success} />
      )}
      <Checkbox
        role="switch"
        name="youth-consent"
        checked={view.consent}
        disabled={busy}
        onChange={(e) => consent.mutate(e.target.checked)}
        label={t('youth.profile.consentLabel')}
        description={<p>{t('youth.profile.consentText')}</p>}
      />
      <form onSubmit={save.onSubmit} className="form" noValidate>
        {!view.consent && <p className="note">{t('youth.profile.consentNeeded')}</p>}
        <ProfileFields form={form} disabled={!view.consent} withInterests />
        <div className="button-row">
          <Button type="submit" disabled={busy || !view.consent}>
            {t('youth.profile.save')}
          </Button>
          {view.profile && (
            <Button variant="tertiary" disabled={busy} onClick={() => remove.mutate()}>
              {t('youth.profile.delete')}
            </Button>
          )}
        </div>
      </form>
      {view.profile && view.consent && (
        <p>
          <Link to="/youth/for-me">{t('youth.forMe.title')}</Link>
        </p>
      )}
    </>
  );
}
