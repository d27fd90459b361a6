// Working days in Korea (평일): Monday to Friday that are not public holidays. Dates are
// 'YYYY-MM-DD' Korean calendar days; see korean-holidays.ts for years outside the table.

import { addDays, fromDayNumber, isWeekend, toDayNumber, weekdayOfDayNumber } from './dates.ts';
import { assertHolidaysKnown, type HolidayOptions, isHoliday } from './korean-holidays.ts';

export const isWorkingDay = (date: string, options: HolidayOptions = {}): boolean =>
  !isWeekend(date) && !isHoliday(date, options);

const workingDayNumber = (day: number, options: HolidayOptions) => {
  const w = weekdayOfDayNumber(day);
  return w !== 0 && w !== 6 && !isHoliday(fromDayNumber(day), options);
};

/**
 * The date `n` working days after `date` (before it when n < 0); the date itself when n = 0.
 * Counting starts the day after, so from a Friday 1 working day is the next Monday (if not a holiday).
 */
export function addWorkingDays(date: string, n: number, options: HolidayOptions = {}): string {
  if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays: not a whole number of days: ${n}`);
  let day = toDayNumber(date);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (workingDayNumber(day, options)) left--;
  }
  return fromDayNumber(day);
}

/**
 * Working days after `from` up to and including `to` (so workingDaysBetween(d, addWorkingDays(d, n))
 * is n); negative when `to` is earlier. Both ends' years must be known (see HolidayOptions).
 */
export function workingDaysBetween(from: string, to: string, options: HolidayOptions = {}): number {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  if (end < start) return -workingDaysBetween(to, from, options);
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    assertHolidaysKnown(year, options);
  }
  let count = 0;
  for (let day = start + 1; day <= end; day++) if (workingDayNumber(day, options)) count++;
  return count;
}

/** The first working day on or after the date (a deadline that falls on a holiday moves to it). */
export const nextWorkingDayFrom = (date: string, options: HolidayOptions = {}): string =>
  isWorkingDay(date, options) ? date : addWorkingDays(date, 1, options);

/**
 * How long something has waited, in working days that passed in full strictly between the two Korean
 * dates: the day it came in does not count, nor the day still running (never negative). The rule of
 * the question inbox's 3-working-day target and of the staff home's queue ages.
 */
export const fullWorkingDaysBetween = (from: string, to: string, options: HolidayOptions = {}): number =>
  to > from ? workingDaysBetween(from, addDays(to, -1), options) : 0;
