import { INCOME_ANNUAL, MARRIED, NO_RESTRICTION, UNMARRIED } from './codes.ts';
import type { EligibilityProfile, PolicyEligibility } from './types.ts';

// Whether a policy fits, decided without writing any explanation: the self-check decides for
// thousands of policies and explains only the page it shows. Each test below is the failing case
// of the rule of the same name in rules.ts (a blank list or a 0 bound restricts nothing; a fact
// not given is unknown, never a failure); fitting.property.test.ts holds the two to the same
// answers. Region is decided by the region index before this (check.ts).

/** A policy's eligibility made ready for deciding: cleaned code sets, null where nothing is asked. */
export interface CompiledEligibility {
  minAge: number;
  maxAge: number;
  employment: Set<string> | null;
  education: Set<string> | null;
  major: Set<string> | null;
  marital: Set<string> | null;
  specialGroups: Set<string> | null;
  /** Annual income bounds in 만원 (0: open), when the annual-income condition applies. */
  income: { min: number; max: number } | null;
}

const positive = (n: number | null | undefined) => (typeof n === 'number' && n > 0 ? n : 0);

/** The blank-padded list cleaned; null when it restricts nothing (empty, or holding `none`). */
function restriction(codes: readonly string[] | null | undefined, none: string): Set<string> | null {
  const set = new Set((codes ?? []).map((c) => c.trim()).filter((c) => c !== ''));
  return set.size === 0 || set.has(none) ? null : set;
}

export function compileEligibility(e: PolicyEligibility): CompiledEligibility {
  const min = positive(e.incomeMin);
  const max = positive(e.incomeMax);
  return {
    minAge: positive(e.minAge),
    maxAge: positive(e.maxAge),
    employment: restriction(e.employmentCodes, NO_RESTRICTION.employment),
    education: restriction(e.educationCodes, NO_RESTRICTION.education),
    major: restriction(e.majorCodes, NO_RESTRICTION.major),
    marital: restriction(e.maritalCodes, NO_RESTRICTION.marital),
    specialGroups: restriction(e.specialGroupCodes, NO_RESTRICTION.specialGroups),
    income: e.incomeConditionCode?.trim() === INCOME_ANNUAL && (min || max) ? { min, max } : null,
  };
}

/** One code per person: fails only when the policy asks, the person said, and it is not listed. */
const codeFails = (wanted: Set<string> | null, mine: string | undefined) => {
  if (wanted === null) return false;
  const code = mine?.trim();
  return !!code && !wanted.has(code);
};

/**
 * False when a rule other than region fails for the person; `age` is their age in full years on
 * the day (null: birth date not given).
 */
export function fitsExceptRegion(c: CompiledEligibility, p: EligibilityProfile, age: number | null): boolean {
  if (age !== null && ((c.minAge && age < c.minAge) || (c.maxAge && age > c.maxAge))) return false;
  if (codeFails(c.employment, p.employment)) return false;
  if (codeFails(c.education, p.education)) return false;
  if (codeFails(c.major, p.major)) return false;
  if (p.married !== undefined && codeFails(c.marital, p.married ? MARRIED : UNMARRIED)) return false;
  if (c.specialGroups !== null && p.specialGroups !== undefined) {
    const groups = c.specialGroups;
    if (!p.specialGroups.some((g) => groups.has(g.trim()))) return false;
  }
  const income = p.annualIncome;
  if (c.income !== null && income !== undefined && income !== null) {
    if ((c.income.min && income < c.income.min) || (c.income.max && income > c.income.max)) return false;
  }
  return true;
}
