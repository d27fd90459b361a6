// Public holidays of the Republic of Korea (공휴일), on 'YYYY-MM-DD' dates.
//
// Source: @hyunbinseo/holidays-kr, the yearly calendar the government publishes (월력요항, in the
// official gazette) as data: lunar holidays, substitute days, election days and temporary holidays
// (임시공휴일) for each year it ships. A new year arrives as a new version of the package.
//
// Outside those years we do not pretend to know: every function throws HolidayTableRangeError,
// unless the caller passes { outsideTable: 'solar-only' } — then the fixed-date holidays and their
// substitute days are computed from the law (holiday-rules.ts), and lunar holidays (설날, 추석,
// 부처님 오신 날), election days and temporary holidays are missing. Years before 2014 always throw.

import * as published from '@hyunbinseo/holidays-kr/all';
import type { Locale } from '../i18n/locale.ts';
import { isIsoDate } from './dates.ts';
import { localHolidayName, normalizeKoreanHolidayName } from './holiday-names.ts';
import { FIRST_RULE_YEAR, fixedDateHolidays, substituteHolidays } from './holiday-rules.ts';

export interface HolidayOptions {
  /** For a year the table does not cover: 'throw' (the default) or 'solar-only' (see above). */
  outsideTable?: 'throw' | 'solar-only';
}

const table = new Map<string, readonly string[]>();
const tableYears: number[] = [];
for (const [key, year] of Object.entries(published)) {
  const m = /^y(\d{4})$/.exec(key);
  if (!m) continue;
  tableYears.push(Number(m[1]));
  for (const [date, names] of Object.entries(year as Record<string, readonly string[]>)) {
    table.set(date, names.map(normalizeKoreanHolidayName));
  }
}
tableYears.sort((a, b) => a - b);
if (tableYears.length === 0 || tableYears.at(-1)! - tableYears[0] !== tableYears.length - 1) {
  throw new Error(`the holiday table must cover whole consecutive years: ${tableYears.join(', ')}`);
}

/** The years the published table covers, both included. */
export const holidayTableYears = { first: tableYears[0], last: tableYears.at(-1)! } as const;

export const isInHolidayTable = (year: number): boolean =>
  year >= holidayTableYears.first && year <= holidayTableYears.last;

export class HolidayTableRangeError extends RangeError {
  constructor(readonly year: number) {
    super(
      `Korean public holidays for ${year} are not in the table ` +
        `(${holidayTableYears.first}–${holidayTableYears.last}); update @hyunbinseo/holidays-kr`,
    );
    this.name = 'HolidayTableRangeError';
  }
}

const solarOnly = new Map<number, Map<string, string[]>>();
function solarOnlyYear(year: number): Map<string, string[]> {
  let days = solarOnly.get(year);
  if (!days) {
    const fixed = fixedDateHolidays(year);
    days = new Map();
    for (const d of [...fixed, ...substituteHolidays(fixed)])
      days.set(d.date, [...(days.get(d.date) ?? []), d.name]);
    solarOnly.set(year, days);
  }
  return days;
}

/** Checks the year once for a range of dates (the table's years are consecutive). */
export function assertHolidaysKnown(year: number, options: HolidayOptions = {}): void {
  if (isInHolidayTable(year)) return;
  if (options.outsideTable === 'solar-only' && year >= FIRST_RULE_YEAR) return;
  throw new HolidayTableRangeError(year);
}

/** The Korean names of the holidays on the date (several when two fall together); [] otherwise. */
function koreanNames(date: string, options: HolidayOptions): readonly string[] {
  if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const year = Number(date.slice(0, 4));
  assertHolidaysKnown(year, options);
  return (isInHolidayTable(year) ? table.get(date) : solarOnlyYear(year).get(date)) ?? [];
}

/** Whether the date is a public holiday (weekends are not holidays by themselves). */
export const isHoliday = (date: string, options: HolidayOptions = {}): boolean =>
  koreanNames(date, options).length > 0;

/** The names of the holidays on the date in the locale; [] when it is not a holiday. */
export const holidayNames = (date: string, locale: Locale, options: HolidayOptions = {}): string[] =>
  koreanNames(date, options).map((n) => localHolidayName(n, locale));

/** The holiday's name in the locale (two falling together joined by a comma), or null. */
export function holidayName(date: string, locale: Locale, options: HolidayOptions = {}): string | null {
  const names = holidayNames(date, locale, options);
  return names.length ? names.join(', ') : null;
}

export interface KoreanHoliday {
  date: string;
  ko: string;
  en: string;
}

/** Every holiday of the year in date order. */
export function holidaysOf(year: number, options: HolidayOptions = {}): KoreanHoliday[] {
  assertHolidaysKnown(year, options);
  const yyyy = String(year).padStart(4, '0');
  const days = isInHolidayTable(year)
    ? [...table.keys()].filter((d) => d.startsWith(`${yyyy}-`))
    : [...solarOnlyYear(year).keys()];
  return days.sort().map((date) => ({
    date,
    ko: holidayName(date, 'ko', options)!,
    en: holidayName(date, 'en', options)!,
  }));
}

/** The table's own entries (Korean names), for checks against the rules. */
export const publishedHolidays = (year: number) =>
  [...table.entries()].filter(([d]) => d.startsWith(`${year}-`)).map(([date, names]) => ({ date, names }));
