import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CODE_LABELS } from '../../../../../contracts/youth-policies.ts';
import { SelectField, TextArea, TextField } from '../../../ui/Field.tsx';
import { pick } from '../../../ui/format.ts';
import { POLICY_FIELDS, SEOUL_DISTRICTS } from '../codes.ts';
import { CodeChecks } from './CodeChecks.tsx';
import type { PolicyDraft } from './policy-draft.ts';
import { RoundsField } from './RoundsField.tsx';

// Every field of a policy, in the order of the national format, grouped as the detail page shows them.
// Policies describe whom they serve, so the "no restriction" codes are offered here (not in profiles).
const range = (prefix: string, last: number) =>
  Array.from({ length: last }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`);
const LISTS = {
  employmentCodes: range('0013', 10),
  educationCodes: range('0049', 10),
  majorCodes: range('0011', 9),
  specialGroupCodes: range('0014', 10),
  maritalCodes: range('0055', 3),
} as const;
const INCOME = range('0043', 3);
const PERIOD_KINDS = ['dates', 'always', 'closed'] as const;
const codeLabel = (code: string) => pick(CODE_LABELS[code]?.ko ?? code, CODE_LABELS[code]?.en ?? code);

type TextKey = {
  [K in keyof PolicyDraft]: PolicyDraft[K] extends string ? K : never;
}[keyof PolicyDraft];

export function PolicyForm({
  draft,
  onChange,
  errors,
}: {
  draft: PolicyDraft;
  onChange: (next: PolicyDraft) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const set = <K extends keyof PolicyDraft>(key: K, value: PolicyDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const label = (key: string) => t(`youthStaff.field.${key}`);
  const text = (key: TextKey, extra: { hint?: string; required?: boolean; type?: string } = {}) => (
    <TextField
      name={key}
      label={label(key)}
      value={draft[key]}
      error={errors[key]}
      onChange={(e) => set(key, e.target.value)}
      {...extra}
    />
  );
  const number = (key: TextKey, hint?: string) => (
    <TextField
      name={key}
      label={label(key)}
      inputMode="numeric"
      value={draft[key]}
      hint={hint}
      error={errors[key]}
      onChange={(e) => set(key, e.target.value)}
    />
  );
  const area = (key: TextKey, hint?: string) => (
    <TextArea
      name={key}
      label={label(key)}
      rows={4}
      hint={hint}
      value={draft[key]}
      error={errors[key]}
      onChange={(e) => set(key, e.target.value)}
    />
  );
  const codes = (key: keyof typeof LISTS) => (
    <CodeChecks
      legend={label(key)}
      codes={LISTS[key]}
      label={codeLabel}
      value={draft[key]}
      error={errors[key]}
      onChange={(v) => set(key, v)}
    />
  );
  return (
    <>
      <fieldset className="youth-fieldset">
        <legend>{t('youthStaff.form.basics')}</legend>
        {text('title', { required: true })}
        {area('summary')}
        {area('supportContent')}
        {text('fieldMajor', { hint: t('youthStaff.form.fieldMajorHint') })}
        {text('fieldMinor')}
        <CodeChecks
          legend={label('fields')}
          hint={t('youthStaff.form.fieldsHint')}
          codes={POLICY_FIELDS}
          label={(c) => t(`youth.codes.field.${c}`)}
          value={draft.fields}
          error={errors.fields}
          onChange={(v) => set('fields', v)}
        />
        {text('keywords', { hint: t('youthStaff.form.commaHint') })}
        {text('operator')}
        {text('supervisor')}
        {text('supportScale')}
      </fieldset>

      <fieldset className="youth-fieldset">
        <legend>{t('youthStaff.form.application')}</legend>
        <fieldset className="pref">
          <legend>{label('applyPeriodKind')}</legend>
          <div className="staff-checks">
            {PERIOD_KINDS.map((kind) => (
              <label key={kind} className="inline-check">
                <input
                  type="radio"
                  name={`${id}-period`}
                  value={kind}
                  checked={draft.applyPeriodKind === kind}
                  onChange={() => set('applyPeriodKind', kind)}
                />{' '}
                {t(`youthStaff.periodKind.${kind}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {draft.applyPeriodKind === 'dates' && (
          <RoundsField rounds={draft.rounds} error={errors.rounds} onChange={(r) => set('rounds', r)} />
        )}
        {text('businessStartsOn', { type: 'date' })}
        {text('businessEndsOn', { type: 'date' })}
        {text('businessPeriodOther')}
        {area('howToApply')}
        {area('reviewMethod')}
        {area('documents')}
        {text('applicationUrl', { type: 'url', hint: t('youthStaff.form.urlHint') })}
        {area('referenceUrls', t('youthStaff.form.urlsHint'))}
        {area('otherNotes')}
      </fieldset>

      <fieldset className="youth-fieldset">
        <legend>{t('youthStaff.form.eligibility')}</legend>
        {number('minAge', t('youthStaff.form.ageHint'))}
        {number('maxAge', t('youthStaff.form.ageHint'))}
        <CodeChecks
          legend={label('regionCodes')}
          hint={t('youthStaff.form.regionsHint')}
          codes={SEOUL_DISTRICTS}
          label={(c) => t(`youth.codes.district.${c}`)}
          value={draft.regionCodes}
          onChange={(v) => set('regionCodes', v)}
        />
        {text('otherRegionCodes', { hint: t('youthStaff.form.otherRegionsHint') })}
        {codes('employmentCodes')}
        {codes('educationCodes')}
        {codes('majorCodes')}
        {codes('specialGroupCodes')}
        {codes('maritalCodes')}
        <SelectField
          label={label('incomeCondition')}
          name="incomeCondition"
          value={draft.incomeCondition}
          onChange={(e) => set('incomeCondition', e.target.value)}
        >
          <option value="">{t('youthStaff.form.incomeNone')}</option>
          {INCOME.map((c) => (
            <option key={c} value={c}>
              {codeLabel(c)}
            </option>
          ))}
        </SelectField>
        {draft.incomeCondition === '0043002' && (
          <>
            {number('incomeMin', t('youthStaff.form.incomeHint'))}
            {number('incomeMax', t('youthStaff.form.incomeHint'))}
          </>
        )}
        {draft.incomeCondition === '0043003' && text('incomeOther')}
        {area('additionalConditions')}
        {area('excludedTargets')}
      </fieldset>
    </>
  );
}
