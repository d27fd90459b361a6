import { sql } from 'drizzle-orm';
import { documentText, initialsOf } from '../../../platform/search/tokens.ts';
import type { ParsedPolicy } from './national-import/index.ts';
import type { youthPolicies } from './tables.ts';

// Our columns from a policy's fields, with the search columns computed the same way for imported
// and staff-written policies.
const MAX_SEARCH_TEXT = 20_000;

export type PolicyFields = Omit<ParsedPolicy, 'externalId' | 'rounds' | 'registeredAt' | 'sourceModifiedAt'>;

/** 온통청년's own 대분류 name of each field (the names its import reads back). */
const FIELD_MAJOR: Record<PolicyFields['fields'][number], string> = {
  jobs: '일자리',
  housing: '주거',
  education: '교육',
  welfare: '복지문화',
  participation: '참여권리',
};

/**
 * A local policy's 대분류, written from its fields as 온통청년 writes it ("일자리,교육"): staff choose
 * fields, and the export and the list show the same thing. Migration 0071 did this for older rows.
 */
export const fieldMajorOf = (fields: PolicyFields['fields']): string =>
  fields.map((f) => FIELD_MAJOR[f]).join(',');

export function searchColumns(p: Pick<PolicyFields, 'title' | 'keywords' | 'summary' | 'supportContent'>) {
  const a = documentText(`${p.title} ${p.keywords.join(' ')}`);
  const b = documentText(p.summary.slice(0, MAX_SEARCH_TEXT));
  const c = documentText(p.supportContent.slice(0, MAX_SEARCH_TEXT));
  return {
    tsv: sql`setweight(to_tsvector('simple', ${a}), 'A') || setweight(to_tsvector('simple', ${b}), 'B') || setweight(to_tsvector('simple', ${c}), 'C')`,
    initials: initialsOf(p.title),
  };
}

export function fieldColumns(p: PolicyFields) {
  return {
    title: p.title,
    summary: p.summary,
    supportContent: p.supportContent,
    fieldMajor: p.fieldMajor,
    fieldMinor: p.fieldMinor,
    fields: p.fields,
    keywords: p.keywords,
    operator: p.operator,
    supervisor: p.supervisor,
    applyPeriodKind: p.applyPeriodKind,
    businessPeriodKind: p.businessPeriodKind,
    businessStartsOn: p.businessStartsOn,
    businessEndsOn: p.businessEndsOn,
    businessPeriodOther: p.businessPeriodOther,
    howToApply: p.howToApply,
    reviewMethod: p.reviewMethod,
    documents: p.documents,
    otherNotes: p.otherNotes,
    applicationUrl: p.applicationUrl,
    referenceUrls: p.referenceUrls,
    supportScale: p.supportScale,
    minAge: p.minAge,
    maxAge: p.maxAge,
    regionCodes: p.regionCodes,
    employmentCodes: p.employmentCodes,
    educationCodes: p.educationCodes,
    majorCodes: p.majorCodes,
    specialGroupCodes: p.specialGroupCodes,
    maritalCodes: p.maritalCodes,
    incomeCondition: p.incomeCondition,
    incomeMin: p.incomeMin,
    incomeMax: p.incomeMax,
    incomeOther: p.incomeOther,
    additionalConditions: p.additionalConditions,
    excludedTargets: p.excludedTargets,
    ...searchColumns(p),
  };
}

/** The policy's fields back from a row (for export, revisions and re-indexing). */
export function fieldsOfRow(r: typeof youthPolicies.$inferSelect): PolicyFields {
  return {
    title: r.title,
    summary: r.summary,
    supportContent: r.supportContent,
    fieldMajor: r.fieldMajor,
    fieldMinor: r.fieldMinor,
    fields: r.fields as PolicyFields['fields'],
    keywords: r.keywords,
    operator: r.operator,
    supervisor: r.supervisor,
    applyPeriodKind: r.applyPeriodKind,
    businessPeriodKind: r.businessPeriodKind,
    businessStartsOn: r.businessStartsOn,
    businessEndsOn: r.businessEndsOn,
    businessPeriodOther: r.businessPeriodOther,
    howToApply: r.howToApply,
    reviewMethod: r.reviewMethod,
    documents: r.documents,
    otherNotes: r.otherNotes,
    applicationUrl: r.applicationUrl,
    referenceUrls: r.referenceUrls,
    supportScale: r.supportScale,
    minAge: r.minAge,
    maxAge: r.maxAge,
    regionCodes: r.regionCodes,
    employmentCodes: r.employmentCodes,
    educationCodes: r.educationCodes,
    majorCodes: r.majorCodes,
    specialGroupCodes: r.specialGroupCodes,
    maritalCodes: r.maritalCodes,
    incomeCondition: r.incomeCondition,
    incomeMin: r.incomeMin,
    incomeMax: r.incomeMax,
    incomeOther: r.incomeOther,
    additionalConditions: r.additionalConditions,
    excludedTargets: r.excludedTargets,
  };
}
