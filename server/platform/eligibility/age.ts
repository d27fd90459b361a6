import { type SQL, sql } from 'drizzle-orm';
import { fail, pass, type RuleOutcome, unknown } from './outcome.ts';

// Age in full years (만 나이) between bounds, decided in JavaScript for one person and compiled to
// SQL for a whole table of people; eligibility.property.test.ts checks the two always agree.

/** Inclusive bounds in full years; 0 or missing means no bound. */
export interface AgeRange {
  min?: number | null;
  max?: number | null;
}

const bound = (n: number | null | undefined): number => (typeof n === 'number' && n > 0 ? n : 0);

/**
 * Full years from birth to `on` (both YYYY-MM-DD). A year is complete on the birthday itself.
 * Someone born on 29 February completes a year on 1 March in common years: under the Civil Code
 * (민법 제160조 제3항) the year ends with the last day of February, so the new age starts the
 * next day — which the plain month-day comparison below gives.
 */
export function fullYearsOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [oy, om, od] = on.split('-').map(Number);
  const beforeBirthday = om < bm || (om === bm && od < bd);
  return oy - by - (beforeBirthday ? 1 : 0);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The latest real date not after year-month-day (29 February of a common year is the 28th). */
function latestDateAtOrBefore(year: number, month: number, day: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(day, last))}`;
}

/** age ≥ n in full years on `on` ⇔ born on or before (on − n years), as fullYearsOn() counts. */
export function bornBy(on: string, years: number): string {
  const [y, m, d] = on.split('-').map(Number);
  return latestDateAtOrBefore(y - years, m, d);
}

export function ageRule<N extends string = 'age'>(
  range: AgeRange,
  birthDate: string | null | undefined,
  on: string,
  rule: N = 'age' as N,
): RuleOutcome<N> {
  const min = bound(range.min);
  const max = bound(range.max);
  if (!min && !max) return pass(rule, '연령 제한 없음', 'No age limit');
  const ko = min && max ? `만 ${min}~${max}세` : min ? `만 ${min}세 이상` : `만 ${max}세 이하`;
  const en = min && max ? `Ages ${min}–${max}` : min ? `Age ${min} or over` : `Age ${max} or under`;
  if (!birthDate?.trim()) return unknown(rule, `${ko} 대상`, `For ${en.toLowerCase()}`);
  const age = fullYearsOn(birthDate, on);
  if ((min && age < min) || (max && age > max))
    return fail(rule, `${ko} 대상 — 만 ${age}세 해당 없음`, `For ${en.toLowerCase()} — you are ${age}`);
  return pass(rule, ko, en);
}

/**
 * The rows whose birth date (a date column) is in the range on `on`. A null birth date is unknown,
 * which fits; say `nullable: false` for a NOT NULL column to keep the predicate plain for the planner.
 */
export function ageSql(range: AgeRange, birthDate: SQL, on: string, { nullable = true } = {}): SQL | null {
  const min = bound(range.min);
  const max = bound(range.max);
  const parts: SQL[] = [];
  if (min) parts.push(sql`${birthDate} <= ${bornBy(on, min)}::date`);
  if (max) parts.push(sql`${birthDate} > ${bornBy(on, max + 1)}::date`);
  if (parts.length === 0) return null;
  const inRange = sql.join(parts, sql` and `);
  return nullable ? sql`(${birthDate} is null or (${inRange}))` : sql`(${inRange})`;
}
