import { type SQL, sql } from 'drizzle-orm';
import { ageSql, residenceSql, textArray } from '../../../platform/eligibility/index.ts';
import type { PolicyEligibility } from '../eligibility/index.ts';
import { INCOME_ANNUAL, MARRIED, NO_RESTRICTION, UNMARRIED } from '../eligibility/index.ts';

// The rules of eligibility/rules.ts compiled to one SQL predicate over youth_profiles (alias p),
// so a fan-out selects every fitting profile in the database instead of testing them one by one.
// Only 'fail' excludes: a column the person left null is 'unknown' and still fits, exactly as
// isEligible() decides. alerts/eligibility-sql.test.ts checks the two agree on random inputs.

const clean = (codes: readonly string[] | null | undefined) =>
  (codes ?? []).map((c) => c.trim()).filter((c) => c !== '');

const positive = (n: number | null | undefined) => (typeof n === 'number' && n > 0 ? n : 0);

function codeList(column: SQL, codes: readonly string[], none: string): SQL | null {
  const list = clean(codes);
  if (list.length === 0 || list.includes(none)) return null;
  return sql`(${column} is null or ${column} = any(${textArray(list)}))`;
}

/** The profiles (alias p) for whom no rule of the policy fails on the date. */
export function eligibilityPredicate(e: PolicyEligibility, on: string): SQL {
  const parts: SQL[] = [];
  // Birth date and area are NOT NULL in youth_profiles: the shared rules' plain predicates.
  const age = ageSql({ min: e.minAge, max: e.maxAge }, sql`p.birth_date`, on, { nullable: false });
  if (age) parts.push(age);
  const region = residenceSql(e.regionCodes, sql`p.region_code`, { nullable: false });
  if (region) parts.push(region);

  for (const part of [
    codeList(sql`p.employment`, e.employmentCodes, NO_RESTRICTION.employment),
    codeList(sql`p.education`, e.educationCodes, NO_RESTRICTION.education),
    codeList(sql`p.major`, e.majorCodes, NO_RESTRICTION.major),
  ])
    if (part) parts.push(part);

  const marital = clean(e.maritalCodes);
  if (marital.length && !marital.includes(NO_RESTRICTION.marital)) {
    const married = marital.includes(MARRIED);
    const unmarried = marital.includes(UNMARRIED);
    if (married && !unmarried) parts.push(sql`(p.married is null or p.married)`);
    else if (!married && unmarried) parts.push(sql`(p.married is null or not p.married)`);
    else if (!married && !unmarried) parts.push(sql`p.married is null`);
  }

  const groups = clean(e.specialGroupCodes);
  if (groups.length && !groups.includes(NO_RESTRICTION.specialGroups))
    parts.push(sql`(p.special_groups is null or p.special_groups && ${textArray(groups)})`);

  const incomeMin = positive(e.incomeMin);
  const incomeMax = positive(e.incomeMax);
  if (e.incomeConditionCode?.trim() === INCOME_ANNUAL && (incomeMin || incomeMax)) {
    const bounds: SQL[] = [];
    if (incomeMin) bounds.push(sql`p.annual_income >= ${incomeMin}`);
    if (incomeMax) bounds.push(sql`p.annual_income <= ${incomeMax}`);
    parts.push(sql`(p.annual_income is null or (${sql.join(bounds, sql` and `)}))`);
  }
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}
