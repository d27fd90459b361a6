import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { EligibilityCheckBody, YouthProfileBody } from '../../../../contracts/youth-eligibility.ts';
import type { YouthProfile } from '../../api/youth.ts';
import { errorOf } from '../../forms/useZodForm.ts';
import i18n from '../../i18n/index.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import {
  EDUCATION_CODES,
  EMPLOYMENT_CODES,
  MAJOR_CODES,
  POLICY_FIELDS,
  SEOUL_DISTRICTS,
  SPECIAL_GROUP_CODES,
} from './codes.ts';

// The fields of a youth profile, shared by the self-check and the profile on my page. Everything is
// kept as text while editing; the schemas below turn it into the API shape (leaving out what the
// person did not say) and check it with the contract the server uses.
const Draft = z.object({
  birthDate: z.string(),
  regionCode: z.string(),
  employment: z.string(),
  education: z.string(),
  major: z.string(),
  specialGroups: z.array(z.string()),
  married: z.enum(['', 'yes', 'no']),
  // Typed as text; only whole 만원 amounts are numbers the contract can check.
  annualIncome: z.string().refine((v) => v.trim() === '' || /^\d+$/.test(v.trim()), {
    error: () => i18n.t('youth.profile.incomeError'),
  }),
  interests: z.array(z.string()),
});
export type ProfileDraft = z.input<typeof Draft>;

export const EMPTY_DRAFT: ProfileDraft = {
  birthDate: '',
  regionCode: '',
  employment: '',
  education: '',
  major: '',
  specialGroups: [],
  married: '',
  annualIncome: '',
  interests: [],
};

/** The API body; `withInterests` only for the saved profile (the self-check does not take them). */
export function toBody(d: ProfileDraft, withInterests = false): z.input<typeof YouthProfileBody> {
  const income = d.annualIncome.trim();
  // An empty required box is not sent, so it reads as "required" rather than as a bad value; the
  // contract decides what is missing.
  return {
    ...(d.birthDate ? { birthDate: d.birthDate } : {}),
    ...(d.regionCode ? { regionCode: d.regionCode } : {}),
    ...(d.employment ? { employment: d.employment } : {}),
    ...(d.education ? { education: d.education } : {}),
    ...(d.major ? { major: d.major } : {}),
    ...(d.specialGroups.length > 0 ? { specialGroups: d.specialGroups } : {}),
    ...(d.married ? { married: d.married === 'yes' } : {}),
    ...(income !== '' ? { annualIncome: Number(income) } : {}),
    ...(withInterests ? { interests: d.interests } : {}),
  } as z.input<typeof YouthProfileBody>;
}

/** The saved profile's form: the draft checked by YouthProfileBody. */
export const ProfileForm = Draft.transform((d) => toBody(d, true)).pipe(YouthProfileBody);
/** The self-check's form: the same facts, checked by the self-check's contract. */
export const SelfCheckForm = Draft.transform((d) => toBody(d)).pipe(
  EligibilityCheckBody.omit({
    on: true,
    policyId: true,
    limit: true,
    cursor: true,
    field: true,
    status: true,
    sort: true,
  }),
);

export function fromProfile(p: YouthProfile): ProfileDraft {
  return {
    birthDate: p.birthDate,
    regionCode: p.regionCode,
    employment: p.employment ?? '',
    education: p.education ?? '',
    major: p.major ?? '',
    specialGroups: p.specialGroups ?? [],
    married: p.married === null ? '' : p.married ? 'yes' : 'no',
    annualIncome: p.annualIncome === null ? '' : String(p.annualIncome),
    interests: p.interests,
  };
}

export function ProfileFields<Checked>({
  form,
  disabled,
  withInterests = false,
}: {
  form: UseFormReturn<ProfileDraft, unknown, Checked>;
  disabled?: boolean;
  withInterests?: boolean;
}) {
  const { t } = useTranslation();
  const { errors } = form.formState;
  const notSaid = <option value="">{t('youth.profile.notSaid')}</option>;
  return (
    <fieldset className="youth-fieldset" disabled={disabled}>
      <legend>{t('youth.profile.legend')}</legend>
      <TextField
        label={t('youth.profile.birthDate')}
        type="date"
        autoComplete="bday"
        required
        error={errorOf(errors, 'birthDate')}
        {...form.register('birthDate')}
      />
      <SelectField
        label={t('youth.profile.region')}
        required
        error={errorOf(errors, 'regionCode')}
        {...form.register('regionCode')}
      >
        <option value="">{t('youth.profile.chooseRegion')}</option>
        {SEOUL_DISTRICTS.map((code) => (
          <option key={code} value={code}>
            {t(`youth.codes.district.${code}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('youth.profile.employment')}
        error={errorOf(errors, 'employment')}
        {...form.register('employment')}
      >
        {notSaid}
        {EMPLOYMENT_CODES.map((code) => (
          <option key={code} value={code}>
            {t(`youth.codes.employment.${code}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('youth.profile.education')}
        error={errorOf(errors, 'education')}
        {...form.register('education')}
      >
        {notSaid}
        {EDUCATION_CODES.map((code) => (
          <option key={code} value={code}>
            {t(`youth.codes.education.${code}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('youth.profile.major')}
        error={errorOf(errors, 'major')}
        {...form.register('major')}
      >
        {notSaid}
        {MAJOR_CODES.map((code) => (
          <option key={code} value={code}>
            {t(`youth.codes.major.${code}`)}
          </option>
        ))}
      </SelectField>
      <fieldset className="pref">
        <legend>{t('youth.profile.specialGroups')}</legend>
        <p className="note">{t('youth.profile.specialGroupsHint')}</p>
        {SPECIAL_GROUP_CODES.map((code) => (
          <label key={code} className="inline-check">
            <input type="checkbox" value={code} {...form.register('specialGroups')} />{' '}
            {t(`youth.codes.specialGroup.${code}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="pref">
        <legend>{t('youth.profile.married')}</legend>
        {(['', 'no', 'yes'] as const).map((value) => (
          <label key={value || 'unsaid'} className="inline-check">
            <input type="radio" value={value} {...form.register('married')} />{' '}
            {t(`youth.profile.married_${value || 'unsaid'}`)}
          </label>
        ))}
      </fieldset>
      <TextField
        label={t('youth.profile.income')}
        inputMode="numeric"
        pattern="[0-9]*"
        hint={t('youth.profile.incomeHint')}
        error={errorOf(errors, 'annualIncome')}
        {...form.register('annualIncome')}
      />
      {withInterests && (
        <fieldset className="pref">
          <legend>{t('youth.profile.interests')}</legend>
          {POLICY_FIELDS.map((code) => (
            <label key={code} className="inline-check">
              <input type="checkbox" value={code} {...form.register('interests')} />{' '}
              {t(`youth.codes.field.${code}`)}
            </label>
          ))}
        </fieldset>
      )}
    </fieldset>
  );
}
