import { z } from 'zod';
import { PolicyCreateBody } from '../../../../../contracts/youth-policies.ts';
import type { PolicyDetail } from '../../../api/youth-staff.ts';
import type { FieldOf } from '../../../forms/useZodForm.ts';
import i18n from '../../../i18n/index.ts';

// The policy form keeps text while editing (lists as comma-separated text, numbers as typed);
// PolicyDraftForm turns it into the API shape and checks that with the contract, and changedBody()
// sends only what staff changed, so the audit entry names the changed fields.
const whole = z.string().refine((v) => /^\d{1,7}$/.test(v.trim()), {
  error: () => i18n.t('youthStaff.form.wholeNumber'),
});
const DraftFields = z.object({
  title: z.string(),
  summary: z.string(),
  supportContent: z.string(),
  fieldMinor: z.string(),
  fields: z.array(z.string()),
  keywords: z.string(),
  operator: z.string(),
  supervisor: z.string(),
  applyPeriodKind: PolicyCreateBody.shape.applyPeriodKind.unwrap(),
  rounds: z.array(z.object({ startsOn: z.string(), endsOn: z.string() })),
  businessStartsOn: z.string(),
  businessEndsOn: z.string(),
  businessPeriodOther: z.string(),
  howToApply: z.string(),
  reviewMethod: z.string(),
  documents: z.string(),
  otherNotes: z.string(),
  applicationUrl: z.string(),
  referenceUrls: z.string(),
  supportScale: z.string(),
  minAge: whole,
  maxAge: whole,
  /** 'anyone': no residence requirement; 'chosen': the codes below (at least one). */
  regionScope: z.enum(['anyone', 'chosen']),
  regionCodes: z.array(z.string()),
  employmentCodes: z.array(z.string()),
  educationCodes: z.array(z.string()),
  majorCodes: z.array(z.string()),
  specialGroupCodes: z.array(z.string()),
  maritalCodes: z.array(z.string()),
  incomeCondition: z.string(),
  incomeMin: whole,
  incomeMax: whole,
  incomeOther: z.string(),
  additionalConditions: z.string(),
  excludedTargets: z.string(),
});
export type PolicyDraft = z.input<typeof DraftFields>;

export const EMPTY_POLICY: PolicyDraft = {
  title: '',
  summary: '',
  supportContent: '',
  fieldMinor: '',
  fields: [],
  keywords: '',
  operator: '',
  supervisor: '',
  applyPeriodKind: 'dates',
  rounds: [],
  businessStartsOn: '',
  businessEndsOn: '',
  businessPeriodOther: '',
  howToApply: '',
  reviewMethod: '',
  documents: '',
  otherNotes: '',
  applicationUrl: '',
  referenceUrls: '',
  supportScale: '',
  minAge: '0',
  maxAge: '0',
  regionScope: 'anyone',
  regionCodes: [],
  employmentCodes: [],
  educationCodes: [],
  majorCodes: [],
  specialGroupCodes: [],
  maritalCodes: [],
  incomeCondition: '',
  incomeMin: '0',
  incomeMax: '0',
  incomeOther: '',
  additionalConditions: '',
  excludedTargets: '',
};

const words = (text: string) =>
  text
    .split(/[,\n]/)
    .map((w) => w.trim())
    .filter(Boolean);

export function fromDetail(p: PolicyDetail): PolicyDraft {
  const e = p.eligibility;
  const codes = (list: Array<{ code: string }>) => list.map((c) => c.code);
  return {
    title: p.title,
    summary: p.summary,
    supportContent: p.supportContent,
    fieldMinor: p.fieldMinor,
    fields: p.fields,
    keywords: p.keywords.join(', '),
    operator: p.operator,
    supervisor: p.supervisor,
    applyPeriodKind: p.applyPeriodKind,
    rounds: p.rounds,
    businessStartsOn: p.businessPeriod.start ?? '',
    businessEndsOn: p.businessPeriod.end ?? '',
    businessPeriodOther: p.businessPeriod.other,
    howToApply: p.howToApply,
    reviewMethod: p.reviewMethod,
    documents: p.documents,
    otherNotes: p.otherNotes,
    applicationUrl: p.applicationUrl,
    referenceUrls: p.referenceUrls.join('\n'),
    supportScale: p.supportScale,
    minAge: String(e.minAge),
    maxAge: String(e.maxAge),
    regionScope: e.regionCodes.length > 0 ? 'chosen' : 'anyone',
    regionCodes: e.regionCodes,
    employmentCodes: codes(e.employment),
    educationCodes: codes(e.education),
    majorCodes: codes(e.major),
    specialGroupCodes: codes(e.specialGroups),
    maritalCodes: codes(e.marital),
    incomeCondition: e.income.condition?.code ?? '',
    incomeMin: String(e.income.min),
    incomeMax: String(e.income.max),
    incomeOther: e.income.other ?? '',
    additionalConditions: e.additionalConditions,
    excludedTargets: e.excludedTargets,
  };
}

export function toBody(d: PolicyDraft): z.input<typeof PolicyCreateBody> {
  return {
    title: d.title,
    summary: d.summary,
    supportContent: d.supportContent,
    fieldMinor: d.fieldMinor,
    fields: d.fields as PolicyCreateBody['fields'],
    keywords: words(d.keywords),
    operator: d.operator,
    supervisor: d.supervisor,
    applyPeriodKind: d.applyPeriodKind,
    rounds: d.applyPeriodKind === 'dates' ? d.rounds : [],
    businessStartsOn: d.businessStartsOn || null,
    businessEndsOn: d.businessEndsOn || null,
    businessPeriodOther: d.businessPeriodOther,
    howToApply: d.howToApply,
    reviewMethod: d.reviewMethod,
    documents: d.documents,
    otherNotes: d.otherNotes,
    applicationUrl: d.applicationUrl.trim(),
    referenceUrls: words(d.referenceUrls.replace(/,/g, '\n')),
    supportScale: d.supportScale,
    minAge: Number(d.minAge.trim()),
    maxAge: Number(d.maxAge.trim()),
    regionCodes: d.regionScope === 'chosen' ? d.regionCodes : [],
    employmentCodes: d.employmentCodes,
    educationCodes: d.educationCodes,
    majorCodes: d.majorCodes,
    specialGroupCodes: d.specialGroupCodes,
    maritalCodes: d.maritalCodes,
    incomeCondition: (d.incomeCondition || null) as PolicyCreateBody['incomeCondition'],
    incomeMin: Number(d.incomeMin.trim()),
    incomeMax: Number(d.incomeMax.trim()),
    incomeOther: d.incomeOther.trim() || null,
    additionalConditions: d.additionalConditions,
    excludedTargets: d.excludedTargets,
  };
}

/**
 * The form's schema: the text as typed, converted, then checked by the contract the server uses.
 * "Chosen regions" with none chosen would mean anyone: it is asked for instead.
 */
export const PolicyDraftForm = DraftFields.superRefine((d, ctx) => {
  if (d.regionScope === 'chosen' && d.regionCodes.length === 0)
    ctx.addIssue({ code: 'custom', path: ['regionCodes'], message: i18n.t('youthStaff.form.regionsNone') });
})
  .transform(toBody)
  .pipe(PolicyCreateBody);

/** The fields whose value differs from what was loaded. */
export function changedBody(before: PolicyCreateBody, after: PolicyCreateBody): Partial<PolicyCreateBody> {
  const old = before as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(after).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(old[k])),
  );
}

/** The form field an error in the body belongs to ('rounds.0.endsOn' → 'rounds', 'keywords.2' → 'keywords'). */
export const policyFieldOf: FieldOf = (path) => String(path[0] ?? '');
