import { ApiError } from '../../../api/client.ts';
import type { PolicyCreateBody, PolicyDetail } from '../../../api/youth-staff.ts';

// The policy form keeps text while editing; toBody() turns it into the API shape and changedBody()
// sends only what staff changed, so the audit entry names the changed fields.
export interface PolicyDraft {
  title: string;
  summary: string;
  supportContent: string;
  fieldMajor: string;
  fieldMinor: string;
  fields: string[];
  keywords: string;
  operator: string;
  supervisor: string;
  applyPeriodKind: 'dates' | 'always' | 'closed';
  rounds: Array<{ startsOn: string; endsOn: string }>;
  businessStartsOn: string;
  businessEndsOn: string;
  businessPeriodOther: string;
  howToApply: string;
  reviewMethod: string;
  documents: string;
  otherNotes: string;
  applicationUrl: string;
  referenceUrls: string;
  supportScale: string;
  minAge: string;
  maxAge: string;
  regionCodes: string[];
  otherRegionCodes: string;
  employmentCodes: string[];
  educationCodes: string[];
  majorCodes: string[];
  specialGroupCodes: string[];
  maritalCodes: string[];
  incomeCondition: string;
  incomeMin: string;
  incomeMax: string;
  incomeOther: string;
  additionalConditions: string;
  excludedTargets: string;
}

export const EMPTY_POLICY: PolicyDraft = {
  title: '',
  summary: '',
  supportContent: '',
  fieldMajor: '',
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
  regionCodes: [],
  otherRegionCodes: '',
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

export function fromDetail(p: PolicyDetail, districts: readonly string[]): PolicyDraft {
  const e = p.eligibility;
  const codes = (list: Array<{ code: string }>) => list.map((c) => c.code);
  return {
    title: p.title,
    summary: p.summary,
    supportContent: p.supportContent,
    fieldMajor: p.fieldMajor,
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
    regionCodes: e.regionCodes.filter((c) => districts.includes(c)),
    otherRegionCodes: e.regionCodes.filter((c) => !districts.includes(c)).join(', '),
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

const NUMBERS = ['minAge', 'maxAge', 'incomeMin', 'incomeMax'] as const;

/** Whole numbers the browser can check before sending; the server checks the rest. */
export function draftErrors(d: PolicyDraft, t: (key: string) => string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!d.title.trim()) errors.title = t('youthStaff.form.titleRequired');
  for (const key of NUMBERS)
    if (!/^\d{1,7}$/.test(d[key].trim())) errors[key] = t('youthStaff.form.wholeNumber');
  return errors;
}

export function toBody(d: PolicyDraft): PolicyCreateBody {
  return {
    title: d.title,
    summary: d.summary,
    supportContent: d.supportContent,
    fieldMajor: d.fieldMajor,
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
    minAge: Number(d.minAge),
    maxAge: Number(d.maxAge),
    regionCodes: [...d.regionCodes, ...words(d.otherRegionCodes)],
    employmentCodes: d.employmentCodes,
    educationCodes: d.educationCodes,
    majorCodes: d.majorCodes,
    specialGroupCodes: d.specialGroupCodes,
    maritalCodes: d.maritalCodes,
    incomeCondition: (d.incomeCondition || null) as PolicyCreateBody['incomeCondition'],
    incomeMin: Number(d.incomeMin),
    incomeMax: Number(d.incomeMax),
    incomeOther: d.incomeOther.trim() || null,
    additionalConditions: d.additionalConditions,
    excludedTargets: d.excludedTargets,
  };
}

/** The fields whose value differs from what was loaded. */
export function changedBody(initial: PolicyDraft, current: PolicyDraft): Partial<PolicyCreateBody> {
  const before = toBody(initial) as Record<string, unknown>;
  const after = toBody(current) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(after).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])),
  );
}

/**
 * The server's field errors keyed by the form field they belong to ('body.rounds.0.endsOn' →
 * 'rounds'); region codes typed by hand are the "other regions" field.
 */
export function serverFieldErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return out;
  for (const d of err.details as Array<{ field?: string; message?: string }>) {
    let key = String(d.field ?? '')
      .replace(/^(body|querystring)\.?/, '')
      .split('.')[0];
    if (key === 'regionCodes') key = 'otherRegionCodes';
    if (key && !out[key]) out[key] = d.message ?? '';
  }
  return out;
}
