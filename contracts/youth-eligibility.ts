import { z } from 'zod';
import { text } from './text.ts';
import {
  APPLY_STATUSES,
  ApplyStatus,
  POLICY_FIELDS,
  type PolicyField,
  PolicyFieldCode,
} from './youth-policies.ts';

// Eligibility self-check and the youth profile (청년 프로필): what a person says about themselves,
// and which published policies fit them, rule by rule.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (rejects 2023-02-29, 2024-13-01). */
export function isRealDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

// Made once: a new Intl.DateTimeFormat per validated body cost more than the self-check itself.
const koreaDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' });
const todayInKorea = () => koreaDay.format(new Date());

export const CalendarDate = z
  .string()
  .refine(isRealDate, { params: { messageKey: 'field.youth_real_date' }, abort: true });
export const BirthDate = CalendarDate.refine((d) => d <= todayInKorea(), {
  params: { messageKey: 'field.youth_not_in_future' },
});
export const RegionCode = z.string().refine((v) => /^\d{5}$/.test(v), {
  params: { messageKey: 'field.youth_region_code' },
});

const family = (prefix: string, last: number) =>
  Array.from({ length: last }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`) as [
    string,
    ...string[],
  ];
// A person holds a status; "no restriction" (0013010, 0049010, 0011009, 0014010) is not one.
export const EmploymentCode = z.enum(family('0013', 9));
export const EducationCode = z.enum(family('0049', 9));
export const MajorCode = z.enum(family('0011', 8));
export const SpecialGroupCode = z.enum(family('0014', 9));
/** Annual income in 만원 (10,000 won). */
export const AnnualIncome = z.number().int().min(0).max(100000);

/** Optional facts: left out or null means "I'd rather not say" (the rule then reads as unknown). */
const facts = {
  birthDate: BirthDate,
  regionCode: RegionCode,
  employment: EmploymentCode.nullish(),
  education: EducationCode.nullish(),
  major: MajorCode.nullish(),
  /** Empty = belongs to none of the groups; left out = not said. */
  specialGroups: z.array(SpecialGroupCode).max(9).nullish(),
  married: z.boolean().nullish(),
  annualIncome: AnnualIncome.nullish(),
};

/**
 * Which application statuses the self-check lists: `available` (the default) is every status but
 * closed; `open` includes closing_soon (both take applications), as the policy list's filter does.
 */
export const CHECK_STATUS_FILTERS = ['available', ...APPLY_STATUSES, 'all'] as const;
export type CheckStatusFilter = (typeof CHECK_STATUS_FILTERS)[number];
/** `deadline` (the default): taking applications, soonest deadline first; then upcoming, always open, closed. */
export const CHECK_SORTS = ['deadline', 'newest'] as const;
export type CheckSort = (typeof CHECK_SORTS)[number];

export const EligibilityCheckBody = z.strictObject({
  ...facts,
  /** The date to judge on (ages, application status); today in Korea when left out. */
  on: CalendarDate.optional(),
  /** Only this policy: whether it fits (the policy page asks this); the filters below are not applied. */
  policyId: z.uuid().optional(),
  /** Only policies of this field. */
  field: PolicyFieldCode.optional(),
  status: z.enum(CHECK_STATUS_FILTERS).default('available'),
  sort: z.enum(CHECK_SORTS).default('deadline'),
  /** Policies per page. */
  limit: z.number().int().min(1).max(100).default(20),
  /** The previous page's nextCursor (of the same sort). */
  cursor: text({ max: 200, trim: false }).optional(),
});
export type EligibilityCheckBody = z.infer<typeof EligibilityCheckBody>;
/** What a client sends (paging fields may be left out). */
export type EligibilityCheckInput = z.input<typeof EligibilityCheckBody>;

export const RULE_NAMES = [
  'age',
  'region',
  'employment',
  'education',
  'major',
  'special_groups',
  'marital_status',
  'income',
] as const;

export const RuleExplanation = z.object({
  rule: z.enum(RULE_NAMES),
  result: z.enum(['pass', 'fail', 'unknown']),
  /** Whether the policy sets this condition at all (false: "제한 없음", which always passes). */
  restricts: z.boolean(),
  /** In the request's language, e.g. "만 19~34세 ✓", "미취업자 대상 — 확인 필요". */
  explanation: z.string(),
});

export const EligibleSummary = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  title: z.string(),
  status: ApplyStatus,
  rules: z.array(RuleExplanation),
});
export const PolicyForMe = EligibleSummary.extend({
  /** End of the current (or next) application round, YYYY-MM-DD; null when always open. */
  deadline: z.string().nullable(),
  /** The policy's fields (일자리, 주거, …). */
  fields: z.array(PolicyFieldCode),
});

const count = z.number().int().min(0);
/**
 * How many fitting policies each choice of the other filter would list: per field under the
 * status filter (a policy may count for several fields; `anyField` counts each once), and per
 * status under the field filter.
 */
export const CheckFacets = z.object({
  fields: z.object(
    Object.fromEntries(Object.keys(POLICY_FIELDS).map((f) => [f, count])) as Record<
      PolicyField,
      typeof count
    >,
  ),
  anyField: count,
  statuses: z.object(
    Object.fromEntries(APPLY_STATUSES.map((s) => [s, count])) as Record<ApplyStatus, typeof count>,
  ),
});
export type CheckFacets = z.infer<typeof CheckFacets>;

/** One page of the policies that fit under the filters, how many that is, and the counts per choice. */
export const EligibilityCheckResult = z.object({
  total: count,
  items: z.array(PolicyForMe),
  nextCursor: z.string().nullable(),
  facets: CheckFacets,
});
export type EligibilityCheckResult = z.infer<typeof EligibilityCheckResult>;
export const PoliciesForMe = z.object({ items: z.array(PolicyForMe) });

export const YouthProfileBody = z.strictObject({
  ...facts,
  /** Policy fields the person cares about (일자리, 주거, …). */
  interests: z.array(PolicyFieldCode).max(5).optional(),
});
export type YouthProfileBody = z.infer<typeof YouthProfileBody>;

export const YouthProfile = z.object({
  birthDate: z.string(),
  regionCode: z.string(),
  employment: z.string().nullable(),
  education: z.string().nullable(),
  major: z.string().nullable(),
  specialGroups: z.array(z.string()).nullable(),
  married: z.boolean().nullable(),
  annualIncome: z.number().nullable(),
  interests: z.array(z.string()),
  updatedAt: z.string(),
});
export type YouthProfile = z.infer<typeof YouthProfile>;

export const YouthProfileState = z.object({
  profile: YouthProfile.nullable(),
  /** Whether the optional youth_profile consent is granted (PUT /api/v1/me/consents/youth_profile). */
  consent: z.boolean(),
});
