import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { YouthProfile, YouthProfileBody } from '../../api/youth.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import {
  EDUCATION_CODES,
  EMPLOYMENT_CODES,
  MAJOR_CODES,
  POLICY_FIELDS,
  SEOUL_DISTRICTS,
  SPECIAL_GROUP_CODES,
} from './codes.ts';

// The fields of a youth profile, shared by the self-check and the profile on my page. Everything is kept
// as text while editing; toBody() turns it into the API shape, leaving out what the person did not say.
export interface ProfileDraft {
  birthDate: string;
  regionCode: string;
  employment: string;
  education: string;
  major: string;
  specialGroups: string[];
  married: '' | 'yes' | 'no';
  annualIncome: string;
  interests: string[];
}

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
export function toBody(d: ProfileDraft, withInterests = false): YouthProfileBody {
  const body: YouthProfileBody = { birthDate: d.birthDate, regionCode: d.regionCode };
  if (d.employment) body.employment = d.employment;
  if (d.education) body.education = d.education;
  if (d.major) body.major = d.major;
  if (d.specialGroups.length > 0) body.specialGroups = d.specialGroups;
  if (d.married) body.married = d.married === 'yes';
  const income = d.annualIncome.trim();
  if (income !== '' && /^\d+$/.test(income)) body.annualIncome = Number(income);
  if (withInterests) body.interests = d.interests as YouthProfileBody['interests'];
  return body;
}

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

/** Checks the two required fields in the browser so the person hears at once what is missing. */
export function draftErrors(d: ProfileDraft, t: (key: string) => string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.birthDate)) errors.birthDate = t('youth.profile.birthDateError');
  if (!d.regionCode) errors.regionCode = t('youth.profile.regionError');
  if (d.annualIncome.trim() !== '' && !/^\d+$/.test(d.annualIncome.trim()))
    errors.annualIncome = t('youth.profile.incomeError');
  return errors;
}

export function ProfileFields({
  draft,
  onChange,
  errors,
  disabled,
  withInterests = false,
}: {
  draft: ProfileDraft;
  onChange: (next: ProfileDraft) => void;
  errors: Record<string, string>;
  disabled?: boolean;
  withInterests?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const set = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const toggle = (key: 'specialGroups' | 'interests', code: string) =>
    set(key, draft[key].includes(code) ? draft[key].filter((c) => c !== code) : [...draft[key], code]);
  const notSaid = <option value="">{t('youth.profile.notSaid')}</option>;
  return (
    <fieldset className="youth-fieldset" disabled={disabled}>
      <legend>{t('youth.profile.legend')}</legend>
      <TextField
        label={t('youth.profile.birthDate')}
        type="date"
        name="birthDate"
        autoComplete="bday"
        required
        value={draft.birthDate}
        error={errors.birthDate}
        onChange={(e) => set('birthDate', e.target.value)}
      />
      <RequiredSelect
        label={t('youth.profile.region')}
        name="regionCode"
        value={draft.regionCode}
        error={errors.regionCode}
        onChange={(v) => set('regionCode', v)}
      >
        <option value="">{t('youth.profile.chooseRegion')}</option>
        {SEOUL_DISTRICTS.map((code) => (
          <option key={code} value={code}>
            {t(`youth.codes.district.${code}`)}
          </option>
        ))}
      </RequiredSelect>
      <SelectField
        label={t('youth.profile.employment')}
        name="employment"
        value={draft.employment}
        onChange={(e) => set('employment', e.target.value)}
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
        name="education"
        value={draft.education}
        onChange={(e) => set('education', e.target.value)}
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
        name="major"
        value={draft.major}
        onChange={(e) => set('major', e.target.value)}
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
            <input
              type="checkbox"
              name="specialGroups"
              value={code}
              checked={draft.specialGroups.includes(code)}
              onChange={() => toggle('specialGroups', code)}
            />{' '}
            {t(`youth.codes.specialGroup.${code}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="pref">
        <legend>{t('youth.profile.married')}</legend>
        {(['', 'no', 'yes'] as const).map((value) => (
          <label key={value || 'unsaid'} className="inline-check">
            <input
              type="radio"
              name={`${id}-married`}
              value={value}
              checked={draft.married === value}
              onChange={() => set('married', value)}
            />{' '}
            {t(`youth.profile.married_${value || 'unsaid'}`)}
          </label>
        ))}
      </fieldset>
      <TextField
        label={t('youth.profile.income')}
        name="annualIncome"
        inputMode="numeric"
        pattern="[0-9]*"
        hint={t('youth.profile.incomeHint')}
        value={draft.annualIncome}
        error={errors.annualIncome}
        onChange={(e) => set('annualIncome', e.target.value)}
      />
      {withInterests && (
        <fieldset className="pref">
          <legend>{t('youth.profile.interests')}</legend>
          {POLICY_FIELDS.map((code) => (
            <label key={code} className="inline-check">
              <input
                type="checkbox"
                name="interests"
                value={code}
                checked={draft.interests.includes(code)}
                onChange={() => toggle('interests', code)}
              />{' '}
              {t(`youth.codes.field.${code}`)}
            </label>
          ))}
        </fieldset>
      )}
    </fieldset>
  );
}

// SelectField has no error text; the district is required, so this one says so next to the control.
function RequiredSelect({
  label,
  name,
  value,
  error,
  onChange,
  children,
}: {
  label: string;
  name: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
        <span className="field-required"> {t('common.requiredMark')}</span>
      </label>
      <select
        id={id}
        name={name}
        className="input"
        required
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {children}
      </select>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
