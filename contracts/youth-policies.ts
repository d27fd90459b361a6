import { z } from 'zod';
import { queryInt } from './common.ts';
import { text } from './text.ts';

// The youth policy catalogue (청년 정책): list, detail, staff authoring, import/export.
export const POLICY_SOURCES = ['national', 'local'] as const;
export type PolicySource = (typeof POLICY_SOURCES)[number];
export const WORKFLOW_STATUSES = ['draft', 'review', 'published', 'closed'] as const;
export type PolicyWorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

/** Where a policy may go from each workflow state (review can go back to draft). */
export const NEXT_WORKFLOW: Record<PolicyWorkflowStatus, PolicyWorkflowStatus[]> = {
  draft: ['review'],
  review: ['published', 'draft'],
  published: ['closed'],
  closed: [],
};
export const APPLY_PERIOD_KINDS = ['dates', 'always', 'closed'] as const;
export type ApplyPeriodKind = (typeof APPLY_PERIOD_KINDS)[number];
/** Whether one can apply on a given day (Asia/Seoul); closing_soon = the round ends within 7 days. */
export const APPLY_STATUSES = ['open', 'closing_soon', 'always_open', 'closed', 'upcoming'] as const;
export type ApplyStatus = (typeof APPLY_STATUSES)[number];
export const ApplyStatus = z.enum(APPLY_STATUSES);

/**
 * Fields that join the API's old and new taxonomies (일자리 · 주거 · 교육(･직업훈련) ·
 * 복지문화/금융･복지･문화 · 참여권리/참여･기반).
 */
export const POLICY_FIELDS = {
  jobs: { ko: '일자리', en: 'Jobs' },
  housing: { ko: '주거', en: 'Housing' },
  education: { ko: '교육', en: 'Education' },
  welfare: { ko: '복지·문화', en: 'Welfare and culture' },
  participation: { ko: '참여·권리', en: 'Participation and rights' },
} as const;
export type PolicyField = keyof typeof POLICY_FIELDS;
export const PolicyFieldCode = z.enum(Object.keys(POLICY_FIELDS) as [PolicyField, ...PolicyField[]]);
/** The field codes we know among those a row holds (the column takes any text). */
export const knownFields = (codes: readonly string[]): PolicyField[] =>
  codes.filter((c): c is PolicyField => Object.hasOwn(POLICY_FIELDS, c));

/** Labels of the 온통청년 code lists. */
export const CODE_LABELS: Record<string, { ko: string; en: string }> = {
  '0013001': { ko: '재직자', en: 'Employed' },
  '0013002': { ko: '자영업자', en: 'Self-employed' },
  '0013003': { ko: '미취업자', en: 'Not employed' },
  '0013004': { ko: '프리랜서', en: 'Freelancer' },
  '0013005': { ko: '일용근로자', en: 'Day labourer' },
  '0013006': { ko: '(예비)창업자', en: '(Pre-)founder' },
  '0013007': { ko: '단기근로자', en: 'Short-term worker' },
  '0013008': { ko: '영농종사자', en: 'Farming' },
  '0013009': { ko: '기타', en: 'Other' },
  '0013010': { ko: '제한없음', en: 'No restriction' },
  '0049001': { ko: '고졸 미만', en: 'Below high school' },
  '0049002': { ko: '고교 재학', en: 'In high school' },
  '0049003': { ko: '고졸 예정', en: 'High-school graduation expected' },
  '0049004': { ko: '고교 졸업', en: 'High-school graduate' },
  '0049005': { ko: '대학 재학', en: 'At university' },
  '0049006': { ko: '대졸 예정', en: 'University graduation expected' },
  '0049007': { ko: '대학 졸업', en: 'University graduate' },
  '0049008': { ko: '석·박사', en: "Master's or doctorate" },
  '0049009': { ko: '기타', en: 'Other' },
  '0049010': { ko: '제한없음', en: 'No restriction' },
  '0011001': { ko: '인문계열', en: 'Humanities' },
  '0011002': { ko: '사회계열', en: 'Social sciences' },
  '0011003': { ko: '상경계열', en: 'Business and economics' },
  '0011004': { ko: '이학계열', en: 'Natural sciences' },
  '0011005': { ko: '공학계열', en: 'Engineering' },
  '0011006': { ko: '예체능계열', en: 'Arts and sports' },
  '0011007': { ko: '농산업계열', en: 'Agriculture' },
  '0011008': { ko: '기타', en: 'Other' },
  '0011009': { ko: '제한없음', en: 'No restriction' },
  '0014001': { ko: '중소기업', en: 'Small or medium enterprise' },
  '0014002': { ko: '여성', en: 'Women' },
  '0014003': { ko: '기초생활수급자', en: 'Basic livelihood recipients' },
  '0014004': { ko: '한부모가정', en: 'Single-parent families' },
  '0014005': { ko: '장애인', en: 'People with disabilities' },
  '0014006': { ko: '농업인', en: 'Farmers' },
  '0014007': { ko: '군인', en: 'Soldiers' },
  '0014008': { ko: '지역인재', en: 'Local talent' },
  '0014009': { ko: '기타', en: 'Other' },
  '0014010': { ko: '제한없음', en: 'No restriction' },
  '0055001': { ko: '기혼', en: 'Married' },
  '0055002': { ko: '미혼', en: 'Unmarried' },
  '0055003': { ko: '제한없음', en: 'No restriction' },
  '0043001': { ko: '무관', en: 'No condition' },
  '0043002': { ko: '연소득', en: 'Annual income' },
  '0043003': { ko: '기타', en: 'Other' },
};

const CodeList = (prefix: string) => z.array(z.string().regex(new RegExp(`^${prefix}\\d{3}$`))).max(20);
const Text = (max: number) => text({ max });
/** Descriptions that keep their line breaks. */
const Prose = (max: number) => text({ max, multiline: true });
const Day = z.iso.date();
const Url = z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(1000)]);

export const PolicyListQuery = z.strictObject({
  q: text({ min: 1, max: 100 }).optional(),
  field: PolicyFieldCode.optional(),
  region: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  age: queryInt(0, 150).optional(),
  /** open includes closing_soon (both take applications now). */
  status: ApplyStatus.optional(),
  sort: z.enum(['relevance', 'deadline', 'newest']).optional(),
  cursor: text({ max: 500, trim: false }).optional(),
  limit: queryInt(1, 100).default(20),
});
export type PolicyListQuery = z.infer<typeof PolicyListQuery>;

export const PolicyListItem = z.object({
  id: z.uuid(),
  externalId: z.string().nullable(),
  title: z.string(),
  summary: z.string(),
  status: ApplyStatus,
  /** 대분류 as the source states it (for API clients; pages show `fields`). */
  field: z.string(),
  /** The fields it belongs to, as codes: what a page names in words. */
  fields: z.array(PolicyFieldCode),
  deadline: z.string().nullable(),
  operator: z.string(),
});
export const PolicyList = z.object({
  items: z.array(PolicyListItem),
  nextCursor: z.string().nullable(),
  /**
   * "Did you mean": the query with its unknown words corrected, present when they matched nothing
   * and the list shows what the corrected query finds (the typo fallback).
   */
  suggestion: z.string().optional(),
});
export type PolicyList = z.infer<typeof PolicyList>;

const Labelled = z.object({ code: z.string(), ko: z.string(), en: z.string() });
export const EligibilityView = z.object({
  minAge: z.number().int(),
  maxAge: z.number().int(),
  age: z.object({ ko: z.string(), en: z.string() }),
  regionCodes: z.array(z.string()),
  employment: z.array(Labelled),
  education: z.array(Labelled),
  major: z.array(Labelled),
  specialGroups: z.array(Labelled),
  marital: z.array(Labelled),
  income: z.object({
    condition: Labelled.nullable(),
    min: z.number().int(),
    max: z.number().int(),
    other: z.string().nullable(),
  }),
  additionalConditions: z.string(),
  excludedTargets: z.string(),
});

export const Round = z.object({ startsOn: Day, endsOn: Day });
export const PolicyDetail = z.object({
  id: z.uuid(),
  externalId: z.string().nullable(),
  source: z.enum(POLICY_SOURCES),
  workflowStatus: z.enum(WORKFLOW_STATUSES),
  status: ApplyStatus,
  title: z.string(),
  summary: z.string(),
  supportContent: z.string(),
  /** 대분류 as the source states it (for a local policy, written from its fields). */
  fieldMajor: z.string(),
  fieldMinor: z.string(),
  fields: z.array(PolicyFieldCode),
  keywords: z.array(z.string()),
  operator: z.string(),
  supervisor: z.string(),
  applyPeriodKind: z.enum(APPLY_PERIOD_KINDS),
  deadline: z.string().nullable(),
  rounds: z.array(Round),
  businessPeriod: z.object({ start: z.string().nullable(), end: z.string().nullable(), other: z.string() }),
  howToApply: z.string(),
  reviewMethod: z.string(),
  documents: z.string(),
  otherNotes: z.string(),
  applicationUrl: z.string(),
  referenceUrls: z.array(z.string()),
  supportScale: z.string(),
  eligibility: EligibilityView,
  registeredAt: z.string(),
  updatedAt: z.string(),
});
export type PolicyDetail = z.infer<typeof PolicyDetail>;

/**
 * What staff write for a local policy; every field optional on PATCH. There is no 대분류 (fieldMajor):
 * the server writes it from `fields`, as 온통청년 names them.
 */
const PolicyFieldsShape = {
  title: Text(300).min(1),
  summary: Prose(5000),
  supportContent: Prose(20000),
  fieldMinor: Text(100),
  fields: z.array(PolicyFieldCode).max(5),
  keywords: z.array(Text(50).min(1)).max(20),
  operator: Text(200),
  supervisor: Text(200),
  applyPeriodKind: z.enum(APPLY_PERIOD_KINDS),
  rounds: z
    .array(z.strictObject({ startsOn: Day, endsOn: Day }))
    .max(20)
    .refine((rs) => rs.every((r) => r.startsOn <= r.endsOn), { params: { messageKey: 'field.round_order' } }),
  businessStartsOn: Day.nullable(),
  businessEndsOn: Day.nullable(),
  businessPeriodOther: Prose(1000),
  howToApply: Prose(10000),
  reviewMethod: Prose(5000),
  documents: Prose(5000),
  otherNotes: Prose(10000),
  applicationUrl: Url,
  referenceUrls: z.array(Url).max(5),
  supportScale: Text(200),
  minAge: z.number().int().min(0).max(150),
  maxAge: z.number().int().min(0).max(150),
  regionCodes: z.array(z.string().regex(/^\d{5}$/)).max(300),
  employmentCodes: CodeList('0013'),
  educationCodes: CodeList('0049'),
  majorCodes: CodeList('0011'),
  specialGroupCodes: CodeList('0014'),
  maritalCodes: CodeList('0055'),
  incomeCondition: z.enum(['0043001', '0043002', '0043003']).nullable(),
  incomeMin: z.number().int().min(0).max(1_000_000),
  incomeMax: z.number().int().min(0).max(1_000_000),
  incomeOther: Prose(1000).nullable(),
  additionalConditions: Prose(5000),
  excludedTargets: Prose(5000),
};
export const PolicyCreateBody = z.strictObject(PolicyFieldsShape).partial().required({ title: true });
export type PolicyCreateBody = z.infer<typeof PolicyCreateBody>;
export const PolicyPatchBody = z.strictObject(PolicyFieldsShape).partial();
export type PolicyPatchBody = z.infer<typeof PolicyPatchBody>;

export const TransitionBody = z.strictObject({ to: z.enum(WORKFLOW_STATUSES) });
export const PolicyIdParams = z.strictObject({ id: z.uuid() });

export const PolicyRevision = z.object({
  revision: z.number().int(),
  change: z.string(),
  actorUserId: z.string().nullable(),
  createdAt: z.string(),
  snapshot: z.record(z.string(), z.unknown()),
});
export const PolicyRevisions = z.object({ items: z.array(PolicyRevision) });

export const ImportResult = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  rejected: z.array(
    z.object({ index: z.number().int(), externalId: z.string().nullable(), reason: z.string() }),
  ),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** The getPlcy envelope (or a bare list of records); records are checked one by one on import. */
export const ImportBody = z.union([
  z.object({ result: z.object({ youthPolicyList: z.array(z.unknown()).max(20000) }).loose() }).loose(),
  z.array(z.unknown()).max(20000),
]);
export const ExportEnvelope = z.object({
  resultCode: z.number(),
  resultMessage: z.string(),
  result: z.object({
    pagging: z.object({ totCount: z.number(), pageNum: z.number(), pageSize: z.number() }),
    youthPolicyList: z.array(z.record(z.string(), z.string())),
  }),
});
