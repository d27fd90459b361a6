import { Controller, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  APPLY_PERIOD_KINDS,
  CODE_LABELS,
  type PolicyCreateBody,
} from '../../../../../contracts/youth-policies.ts';
import { errorOf } from '../../../forms/useZodForm.ts';
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
const codeLabel = (code: string) => pick(CODE_LABELS[code]?.ko ?? code, CODE_LABELS[code]?.en ?? code);

type TextKey = {
  [K in keyof PolicyDraft]: PolicyDraft[K] extends string ? K : never;
}[keyof PolicyDraft];
type ListKey = {
  [K in keyof PolicyDraft]: PolicyDraft[K] extends string[] ? K : never;
}[keyof PolicyDraft];

export function PolicyForm({ form }: { form: UseFormReturn<PolicyDraft, unknown, PolicyCreateBody> }) {
  const { t } = useTranslation();
  const { errors } = form.formState;
  const label = (key: string) => t(`youthStaff.field.${key}`);
  const text = (key: TextKey, extra: { hint?: string; required?: boolean; type?: string } = {}) => (
    <TextField label={label(key)} error={errorOf(errors, key)} {...extra} {...form.register(key)} />
  );
  const number = (key: TextKey, hint?: string) => (
    <TextField
      label={label(key)}
      inputMode="numeric"
      hint={hint}
      error={errorOf(errors, key)}
      {...form.register(key)}
    />
  );
  const area = (key: TextKey, hint?: string) => (
    <TextArea label={label(key)} rows={4} hint={hint} error={errorOf(errors, key)} {...form.register(key)} />
  );
  const checks = (
    key: ListKey,
    codes: readonly string[],
    codeName: (code: string) => string,
    hint?: string,
  ) => (
    <Controller
      control={form.control}
      name={key}
      render={({ field }) => (
        <CodeChecks
          ref={field.ref}
          legend={label(key)}
          hint={hint}
          codes={codes}
          label={codeName}
          value={field.value}
          error={errorOf(errors, key)}
          onChange={field.onChange}
        />
      )}
    />
  );
  const codes = (key: keyof typeof LISTS) => checks(key, LISTS[key], codeLabel);
  const periodKind = form.watch('applyPeriodKind');
  const income = form.watch('incomeCondition');
  return (
    <>
      <fieldset className="youth-fieldset">
        <legend>{t('youthStaff.form.basics')}</legend>
        {text('title', { required: true })}
        {area('summary')}
        {area('supportContent')}
        {text('fieldMajor', { hint: t('youthStaff.form.fieldMajorHint') })}
        {text('fieldMinor')}
        {checks('fields', POLICY_FIELDS, (c) => t(`youth.codes.field.${c}`), t('youthStaff.form.fieldsHint'))}
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
            {APPLY_PERIOD_KINDS.map((kind) => (
              <label key={kind} className="inline-check">
                <input type="radio" value={kind} {...form.register('applyPeriodKind')} />{' '}
                {t(`youthStaff.periodKind.${kind}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {periodKind === 'dates' && (
          <Controller
            control={form.control}
            name="rounds"
            render={({ field }) => (
              <RoundsField
                ref={field.ref}
                rounds={field.value}
                error={errorOf(errors, 'rounds')}
                onChange={field.onChange}
              />
            )}
          />
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
        {checks(
          'regionCodes',
          SEOUL_DISTRICTS,
          (c) => t(`youth.codes.district.${c}`),
          t('youthStaff.form.regionsHint'),
        )}
        {text('otherRegionCodes', { hint: t('youthStaff.form.otherRegionsHint') })}
        {codes('employmentCodes')}
        {codes('educationCodes')}
        {codes('majorCodes')}
        {codes('specialGroupCodes')}
        {codes('maritalCodes')}
        <SelectField
          label={label('incomeCondition')}
          error={errorOf(errors, 'incomeCondition')}
          {...form.register('incomeCondition')}
        >
          <option value="">{t('youthStaff.form.incomeNone')}</option>
          {INCOME.map((c) => (
            <option key={c} value={c}>
              {codeLabel(c)}
            </option>
          ))}
        </SelectField>
        {income === '0043002' && (
          <>
            {number('incomeMin', t('youthStaff.form.incomeHint'))}
            {number('incomeMax', t('youthStaff.form.incomeHint'))}
          </>
        )}
        {income === '0043003' && text('incomeOther')}
        {area('additionalConditions')}
        {area('excludedTargets')}
      </fieldset>
    </>
  );
}
