import { type SQL, sql } from 'drizzle-orm';
import { INCOME_ANNUAL, MARRIED, NO_RESTRICTION, UNMARRIED } from '../eligibility/index.ts';
import type { PolicyEligibility } from '../eligibility/index.ts';

// The rules of eligibility/rules.ts compiled to one SQL predicate over youth_profiles (alias p),
// so a fan-out selects every fitting profile in the database instead of testing them one by one.
// Only 'fail' excludes: a column the person left null is 'unknown' and still fits, exactly as
// isEligible() decides. alerts/eligibility-sql.test.ts checks the two agree on random inputs.

const clean = (codes: readonly string[] | null | undefined) =>
  (codes ?? []).map((c) => c.trim()).filter((c) => c !== '');

const positive = (n: number | null | undefined) => (typeof n === 'number' && n > 0 ? n : 0);

export const textArray = (values: readonly string[]): SQL =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The latest calendar date not after year-month-day: the tuple can name 29 February of a common
 * year, which is then the 28th. Someone born on or before it has had that many birthdays by `on`.
 */
function latestDateAtOrBefore(year: number, month: number, day: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(day, last))}`;
}

/** age ≥ n in full years on `on` ⇔ born on or before (on − n years), as fullYearsOn() counts. */
const bornBy = (on: string, years: number) => {
  const [y, m, d] = on.split('-').map(Number);
  return latestDateAtOrBefore(y - years, m, d);
};

function codeList(column: SQL, codes: readonly string[], none: string): SQL | null {
  const list = clean(codes);
  if (list.length === 0 || list.includes(none)) return null;
  return sql`(${column} is null or ${column} = any(${textArray(list)}))`;
}

/** The profiles (alias p) for whom no rule of the policy fails on the date. */
export function eligibilityPredicate(e: PolicyEligibility, on: string): SQL {
  const parts: SQL[] = [];
  const min = positive(e.minAge);
  const max = positive(e.maxAge);
  if (min) parts.push(sql`p.birth_date <= ${bornBy(on, min)}::date`);
  if (max) parts.push(sql`p.birth_date > ${bornBy(on, max + 1)}::date`);

  const regions = clean(e.regionCodes);
  if (regions.length) parts.push(sql`p.region_code = any(${textArray(regions)})`);

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
