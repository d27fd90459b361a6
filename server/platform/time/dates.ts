// Calendar dates as 'YYYY-MM-DD' strings (how PostgreSQL `date` columns arrive on both engines).
// Arithmetic goes through whole days since 1970-01-01, so no time of day or zone can shift a date.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Whether the text is a real calendar date written 'YYYY-MM-DD' (2023-02-29 is not). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1;
}

/** Days since 1970-01-01; throws on anything but a real 'YYYY-MM-DD' date. */
export function toDayNumber(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export const fromDayNumber = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The date `days` later (earlier when negative). */
export const addDays = (date: string, days: number): string => fromDayNumber(toDayNumber(date) + days);

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => toDayNumber(to) - toDayNumber(from);

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (date: string): number => weekdayOfDayNumber(toDayNumber(date));

// 1970-01-01 was a Thursday (4).
export const weekdayOfDayNumber = (day: number): number => (((day + 4) % 7) + 7) % 7;

export const isWeekend = (date: string): boolean => {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
};
