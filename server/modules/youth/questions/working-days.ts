// How long a question has waited, in working days (Mon–Fri in Asia/Seoul). Public holidays are
// not known here and count as working days.

const seoulDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** 'YYYY-MM-DD' of the instant in Korea. */
export const dateInSeoul = (at: Date) => seoulDate.format(at);

/** Working days that passed in full strictly between the two Korean dates ('YYYY-MM-DD'). */
export function fullWorkingDaysBetween(from: string, to: string): number {
  const day = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`).getTime();
  let count = 0;
  for (day.setUTCDate(day.getUTCDate() + 1); day.getTime() < end; day.setUTCDate(day.getUTCDate() + 1)) {
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

export const OVERDUE_WORKING_DAYS = 3;

/** A question is overdue once three working days have passed in full since the day it was asked. */
export function waitingOf(askedAt: Date, now: Date) {
  const days = fullWorkingDaysBetween(dateInSeoul(askedAt), dateInSeoul(now));
  return { workingDaysWaiting: days, overdue: days >= OVERDUE_WORKING_DAYS };
}
