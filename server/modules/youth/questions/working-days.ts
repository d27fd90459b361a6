// How long a question has waited, in working days (platform/time: Mon–Fri in Korea, public holidays
// and substitute days excluded; a day counts once it has passed in full), and three such days make a
// question overdue. The staff home counts its queues' ages by the same rule.
import {
  dateInSeoul,
  fullWorkingDaysBetween as fullWorkingDays,
  type HolidayOptions,
} from '../../../platform/time/index.ts';

// The inbox must keep answering if the holiday table is not updated in time for a new year: past
// it, fixed-date holidays still count, lunar and one-off ones are missing (see korean-holidays.ts).
const holidays: HolidayOptions = { outsideTable: 'solar-only' };

/** Working days that passed in full strictly between the two Korean dates ('YYYY-MM-DD'). */
export const fullWorkingDaysBetween = (from: string, to: string): number =>
  fullWorkingDays(from, to, holidays);

export const OVERDUE_WORKING_DAYS = 3;

/** A question is overdue once three working days have passed in full since the day it was asked. */
export function waitingOf(askedAt: Date, now: Date) {
  const days = fullWorkingDaysBetween(dateInSeoul(askedAt), dateInSeoul(now));
  return { workingDaysWaiting: days, overdue: days >= OVERDUE_WORKING_DAYS };
}
