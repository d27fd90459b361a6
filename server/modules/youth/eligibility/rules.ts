import {
  ageRule as ageRule_,
  fail,
  pass,
  residenceRule,
  unknown,
} from '../../../platform/eligibility/index.ts';
import {
  codeLabel,
  EDUCATION_LABELS,
  EMPLOYMENT_LABELS,
  INCOME_ANNUAL,
  type Label,
  MAJOR_LABELS,
  MARITAL_LABELS,
  MARRIED,
  NO_RESTRICTION,
  regionLabel,
  SPECIAL_GROUP_LABELS,
  UNMARRIED,
} from './codes.ts';
import type { EligibilityProfile, PolicyEligibility, RuleName, RuleOutcome } from './types.ts';

// The eligibility rules of issue 3, one pure function each. A blank or missing policy field means
// no restriction; a fact the person did not give is 'unknown', never a failure. Every explanation
// says what the policy asks for, and ends in ✓ (pass), ✗ (fail) or "확인 필요 / please check".

/** Policy data arrives blank-padded; a blank entry restricts nothing. Copies only when it must. */
const clean = (codes: readonly string[] | null | undefined): readonly string[] => {
  if (!codes) return [];
  for (const c of codes)
    if (c === '' || c.charCodeAt(0) <= 32 || c.charCodeAt(c.length - 1) <= 32)
      return codes.map((x) => x.trim()).filter((x) => x !== '');
  return codes;
};

const positive = (n: number | null | undefined): number => (typeof n === 'number' && n > 0 ? n : 0);

// Age and residence are the platform's shared rules; youth gives them its policy fields and area names.
export function ageRule(e: PolicyEligibility, p: EligibilityProfile, on: string): RuleOutcome {
  return ageRule_({ min: e.minAge, max: e.maxAge }, p.birthDate, on, 'age');
}

export function regionRule(e: PolicyEligibility, p: EligibilityProfile): RuleOutcome {
  return residenceRule(e.regionCodes, p.regionCode, regionLabel, 'region');
}

interface CodeTopic {
  rule: RuleName;
  labels: Record<string, Label>;
  none: string;
  topic: Label;
}

const listOf = (labels: Record<string, Label>, codes: readonly string[]): Label => {
  const named = codes.map((c) => codeLabel(labels, c));
  return { ko: named.map((n) => n.ko).join('·'), en: named.map((n) => n.en).join(', ') };
};

/** Employment, education, major and marital status: one code per person, a list per policy. */
function codeRule(t: CodeTopic, policyCodes: readonly string[], personCode: string | undefined): RuleOutcome {
  const codes = clean(policyCodes);
  if (codes.length === 0 || codes.includes(t.none))
    return pass(t.rule, `${t.topic.ko} 제한 없음`, `No ${t.topic.en} requirement`);
  const wanted = listOf(t.labels, codes);
  const mine = personCode?.trim();
  if (!mine) return unknown(t.rule, `${wanted.ko} 대상`, `For: ${wanted.en}`);
  const me = codeLabel(t.labels, mine);
  if (codes.includes(mine)) return pass(t.rule, `${me.ko} 대상`, `For: ${me.en}`);
  return fail(t.rule, `${wanted.ko} 대상 — ${me.ko} 해당 없음`, `For: ${wanted.en} — not ${me.en}`);
}

const EMPLOYMENT: CodeTopic = {
  rule: 'employment',
  labels: EMPLOYMENT_LABELS,
  none: NO_RESTRICTION.employment,
  topic: { ko: '취업 상태', en: 'employment' },
};
const EDUCATION: CodeTopic = {
  rule: 'education',
  labels: EDUCATION_LABELS,
  none: NO_RESTRICTION.education,
  topic: { ko: '학력', en: 'education' },
};
const MAJOR: CodeTopic = {
  rule: 'major',
  labels: MAJOR_LABELS,
  none: NO_RESTRICTION.major,
  topic: { ko: '전공', en: 'major' },
};
const MARITAL: CodeTopic = {
  rule: 'marital_status',
  labels: MARITAL_LABELS,
  none: NO_RESTRICTION.marital,
  topic: { ko: '혼인 상태', en: 'marital status' },
};

export const employmentRule = (e: PolicyEligibility, p: EligibilityProfile) =>
  codeRule(EMPLOYMENT, e.employmentCodes, p.employment);
export const educationRule = (e: PolicyEligibility, p: EligibilityProfile) =>
  codeRule(EDUCATION, e.educationCodes, p.education);
export const majorRule = (e: PolicyEligibility, p: EligibilityProfile) =>
  codeRule(MAJOR, e.majorCodes, p.major);
export const maritalRule = (e: PolicyEligibility, p: EligibilityProfile) =>
  codeRule(MARITAL, e.maritalCodes, p.married === undefined ? undefined : p.married ? MARRIED : UNMARRIED);

/** Special groups: the person may belong to several (or none: an empty list), and needs one listed. */
export function specialGroupsRule(e: PolicyEligibility, p: EligibilityProfile): RuleOutcome {
  const codes = clean(e.specialGroupCodes);
  if (codes.length === 0 || codes.includes(NO_RESTRICTION.specialGroups))
    return pass('special_groups', '특화 대상 제한 없음', 'No special-group requirement');
  const wanted = listOf(SPECIAL_GROUP_LABELS, codes);
  if (p.specialGroups === undefined)
    return unknown('special_groups', `${wanted.ko} 대상`, `For: ${wanted.en}`);
  const mine = clean(p.specialGroups);
  const shared = codes.filter((c) => mine.includes(c));
  if (shared.length > 0) {
    const me = listOf(SPECIAL_GROUP_LABELS, shared);
    return pass('special_groups', `${me.ko} 대상`, `For: ${me.en}`);
  }
  if (mine.length === 0)
    return fail(
      'special_groups',
      `${wanted.ko} 대상 — 해당 집단 없음`,
      `For: ${wanted.en} — you belong to none`,
    );
  const me = listOf(SPECIAL_GROUP_LABELS, mine);
  return fail('special_groups', `${wanted.ko} 대상 — ${me.ko} 해당 없음`, `For: ${wanted.en} — not ${me.en}`);
}

const won = (manwon: number) => (manwon * 10000).toLocaleString('en-US');
const manwonKo = (manwon: number) => `${manwon.toLocaleString('en-US')}만`;

/** Income counts only under the annual-income condition (0043002), in 만원, a 0 bound being open. */
export function incomeRule(e: PolicyEligibility, p: EligibilityProfile): RuleOutcome {
  const condition = e.incomeConditionCode?.trim();
  // 0043003 states its condition in words we cannot weigh: it excludes no one, but the person
  // should read it, so it is reported as something to check rather than as a pass.
  if (condition === '0043003')
    return unknown('income', '별도 소득 조건(공고문 참고)', 'Other income conditions (see the notice)');
  const min = positive(e.incomeMin);
  const max = positive(e.incomeMax);
  if (condition !== INCOME_ANNUAL || (!min && !max))
    return pass('income', '소득 제한 없음', 'No income requirement');
  const ko =
    min && max
      ? `연소득 ${manwonKo(min)}~${manwonKo(max)} 원`
      : min
        ? `연소득 ${manwonKo(min)} 원 이상`
        : `연소득 ${manwonKo(max)} 원 이하`;
  const en =
    min && max
      ? `Annual income ${won(min)}–${won(max)} won`
      : min
        ? `Annual income of at least ${won(min)} won`
        : `Annual income of at most ${won(max)} won`;
  const income = p.annualIncome;
  if (income === undefined || income === null)
    return unknown('income', `${ko} 대상`, `For: ${en.toLowerCase()}`);
  if ((min && income < min) || (max && income > max))
    return fail(
      'income',
      `${ko} 대상 — 연소득 ${manwonKo(income)} 원 해당 없음`,
      `For: ${en.toLowerCase()} — not ${won(income)} won`,
    );
  return pass('income', ko, en);
}

/** Every rule, always in the same order, for one policy and one person on a date (YYYY-MM-DD). */
export function evaluateEligibility(
  eligibility: PolicyEligibility,
  profile: EligibilityProfile,
  on: string,
): RuleOutcome[] {
  return [
    ageRule(eligibility, profile, on),
    regionRule(eligibility, profile),
    employmentRule(eligibility, profile),
    educationRule(eligibility, profile),
    majorRule(eligibility, profile),
    specialGroupsRule(eligibility, profile),
    maritalRule(eligibility, profile),
    incomeRule(eligibility, profile),
  ];
}

/** A policy fits when no rule fails; unknowns are left to the person to check. */
export const isEligible = (outcomes: readonly RuleOutcome[]): boolean =>
  !outcomes.some((o) => o.result === 'fail');

/**
 * The rules the policy sets at all ("제한 없음" is not one): knowing nothing about a person, a rule
 * that restricts cannot pass, and one that does not always passes (a property test holds this).
 */
export function restrictedRules(eligibility: PolicyEligibility): Set<RuleName> {
  const unknownPerson: EligibilityProfile = { birthDate: '' };
  return new Set(
    evaluateEligibility(eligibility, unknownPerson, '2000-01-01')
      .filter((o) => o.result !== 'pass')
      .map((o) => o.rule),
  );
}
