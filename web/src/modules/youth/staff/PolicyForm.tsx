import type { ReactNode } from 'react';
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
import { POLICY_FIELDS } from '../codes.ts';
import { CodeChecks } from './CodeChecks.tsx';
import type { PolicyDraft } from './policy-draft.ts';
import { RegionPicker } from './RegionPicker.tsx';
import { RoundsField } from './RoundsField.tsx';

// Every field of a policy in three sections (with links to each at the top), grouped as the detail
// page shows them. Policies describe whom they serve, so the "no restriction" codes are offered
// here (not in profiles). The 대분류 is not asked: the server writes it from the fields chosen.
export const FORM_SECTIONS = ['basics', 'application', 'eligibility'] as const;
export const sectionId = (key: (typeof FORM_SECTIONS)[number]) => `staff-form-${key}`;
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
  const regionScope = form.watch('regionScope');
  return (
    <>
      <nav aria-label={t('youthStaff.form.sectionsNav')} className="in-page-nav">
        <ul>
          {FORM_SECTIONS.map((key) => (
            <li key={key}>
              <a href={`#${sectionId(key)}`}>{t(`youthStaff.form.${key}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Section part="basics">
        {text('title', { required: true })}
        {area('summary')}
        {area('supportContent')}
        {checks('fields', POLICY_FIELDS, (c) => t(`youth.codes.field.${c}`), t('youthStaff.form.fieldsHint'))}
        {text('fieldMinor')}
        {text('keywords', { hint: t('youthStaff.form.commaHint') })}
        <div className="staff-two">
          {text('operator')}
          {text('supervisor')}
        </div>
        {text('supportScale')}
      </Section>

      <Section part="application">
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
        <fieldset className="pref">
          <legend>{t('youthStaff.form.businessPeriod')}</legend>
          <p className="note">{t('youthStaff.form.businessPeriodHint')}</p>
          <div className="staff-two">
            {text('businessStartsOn', { type: 'date' })}
            {text('businessEndsOn', { type: 'date' })}
          </div>
          {text('businessPeriodOther')}
        </fieldset>
        {area('howToApply')}
        {area('reviewMethod')}
        {area('documents')}
        {text('applicationUrl', { type: 'url', hint: t('youthStaff.form.urlHint') })}
        {area('referenceUrls', t('youthStaff.form.urlsHint'))}
        {area('otherNotes')}
      </Section>

      <Section part="eligibility">
        <div className="staff-two">
          {number('minAge', t('youthStaff.form.ageHint'))}
          {number('maxAge', t('youthStaff.form.ageHint'))}
        </div>
        <Controller
          control={form.control}
          name="regionCodes"
          render={({ field }) => (
            <RegionPicker
              ref={field.ref}
              legend={label('regionCodes')}
              scope={regionScope}
              onScope={(scope) => form.setValue('regionScope', scope, { shouldDirty: true })}
              value={field.value}
              onChange={field.onChange}
              error={errorOf(errors, 'regionCodes')}
            />
          )}
        />
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
          <div className="staff-two">
            {number('incomeMin', t('youthStaff.form.incomeHint'))}
            {number('incomeMax', t('youthStaff.form.incomeHint'))}
          </div>
        )}
        {income === '0043003' && text('incomeOther')}
        {area('additionalConditions')}
        {area('excludedTargets')}
      </Section>
    </>
  );
}

/** One of the form's three parts, a target of the links at its top. */
function Section({ part, children }: { part: (typeof FORM_SECTIONS)[number]; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <fieldset id={sectionId(part)} className="youth-fieldset staff-section">
      <legend>{t(`youthStaff.form.${part}`)}</legend>
      {children}
    </fieldset>
  );
}
