// Age in full years (만 나이).
export { isRealDate } from '../../../../contracts/youth-eligibility.ts';

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
