// Dates and instants in Korea. Korea keeps UTC+9 all year (no daylight saving since 1988), so a
// Korean day is always [00:00+09:00, next 00:00+09:00).

import { addDays } from './dates.ts';

// Made once: building an Intl.DateTimeFormat took a tenth of a list request's time.
const seoulDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** 'YYYY-MM-DD' of the instant in Korea. */
export const dateInSeoul = (at: Date): string => seoulDate.format(at);

// The last day asked for and the instants it spans: formatting a date cost several microseconds,
// and busy routes ask for today on every request.
let lastDay = '';
let lastFrom = 0;
let lastTo = 0;

/** Today's date in Korea: application periods, deadlines and answer times are Korean calendar days. */
export const todayInSeoul = (now: Date = new Date()): string => {
  const t = now.getTime();
  if (t >= lastFrom && t < lastTo) return lastDay;
  const day = seoulDate.format(now);
  lastFrom = Date.parse(`${day}T00:00:00+09:00`);
  lastTo = lastFrom + 86_400_000;
  lastDay = day;
  return day;
};

/** The instant a Korean day begins (00:00 KST). */
export const startOfDayInSeoul = (date: string): Date => new Date(`${addDays(date, 0)}T00:00:00+09:00`);
