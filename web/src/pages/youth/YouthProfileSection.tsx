import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { deleteYouthProfile, saveYouthProfile, setYouthConsent, useYouthProfile } from '../../api/youth.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Checkbox } from '../../ui/Field.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useAction } from '../me/useAction.ts';
import {
  draftErrors,
  EMPTY_DRAFT,
  fromProfile,
  type ProfileDraft,
  ProfileFields,
  toBody,
} from './ProfileFields.tsx';
import './youth.css';

// My page: the youth profile behind "policies for me". It needs its own optional consent; withdrawing the
// consent makes the server drop the profile, so the form is locked while the consent is off.
export function YouthProfileSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const profile = useYouthProfile();
  const [draft, setDraft] = useState<ProfileDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const action = useAction();
  useEffect(() => {
    if (profile.data) setDraft(profile.data.profile ? fromProfile(profile.data.profile) : EMPTY_DRAFT);
  }, [profile.data]);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['youth'] });
    await queryClient.invalidateQueries({ queryKey: ['consents'] });
  };
  const toggleConsent = (granted: boolean) =>
    action.run(async () => {
      await setYouthConsent(granted);
      await refresh();
      return granted ? t('youth.profile.consentOnDone') : t('youth.profile.consentOffDone');
    });
  const save = (e: FormEvent) => {
    e.preventDefault();
    const found = draftErrors(draft, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    action.run(async () => {
      const saved = await saveYouthProfile(toBody(draft, true));
      queryClient.setQueryData(['youth', 'profile'], saved);
      await queryClient.invalidateQueries({ queryKey: ['youth', 'for-me'] });
      await queryClient.invalidateQueries({ queryKey: ['youth', 'eligibility'] });
      return t('youth.profile.saved');
    });
  };
  const remove = () =>
    action.run(async () => {
      await deleteYouthProfile();
      await refresh();
      return t('youth.profile.deleted');
    });

  return (
    <section aria-labelledby="me-youth" className="section">
      <h2 id="me-youth">{t('youth.profile.title')}</h2>
      <p>{t('youth.profile.lead')}</p>
      {action.message && <Alert kind={action.message.kind}>{action.message.text}</Alert>}
      <QueryState query={profile}>
        {(view) => (
          <>
            <Checkbox
              role="switch"
              name="youth-consent"
              checked={view.consent}
              disabled={action.busy}
              onChange={(e) => toggleConsent(e.target.checked)}
              label={t('youth.profile.consentLabel')}
              description={<p>{t('youth.profile.consentText')}</p>}
            />
            <form onSubmit={save} className="form" noValidate>
              {!view.consent && <p className="note">{t('youth.profile.consentNeeded')}</p>}
              <ProfileFields
                draft={draft}
                onChange={setDraft}
                errors={{ ...action.fieldErrors, ...errors }}
                disabled={!view.consent}
                withInterests
              />
              <div className="button-row">
                <Button type="submit" disabled={action.busy || !view.consent}>
                  {t('youth.profile.save')}
                </Button>
                {view.profile && (
                  <Button variant="tertiary" disabled={action.busy} onClick={remove}>
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
        )}
      </QueryState>
    </section>
  );
}
