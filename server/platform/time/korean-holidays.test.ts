import { describe, expect, it } from 'vitest';
import { englishHolidayName } from './holiday-names.ts';
import {
  fixedDateHolidays,
  isFixedDateHolidayName,
  isSubstituteHolidayName,
  substituteHolidays,
} from './holiday-rules.ts';
import {
  HolidayTableRangeError,
  holidayName,
  holidayNames,
  holidaysOf,
  holidayTableYears,
  isHoliday,
  publishedHolidays,
} from './korean-holidays.ts';

// Every public holiday of each year, written from the facts (law, gazette, election and temporary
// holiday announcements), not from the library's data.
// biome-ignore format: a table reads better with several holidays a line
const EXPECTED: Record<number, string[]> = {
  2019: [
    '01-01 1월 1일', '02-04 설날 전날', '02-05 설날', '02-06 설날 다음 날', '03-01 3ㆍ1절', '05-05 어린이날',
    '05-06 대체공휴일(어린이날)', '05-12 부처님 오신 날', '06-06 현충일', '08-15 광복절', '09-12 추석 전날', '09-13 추석',
    '09-14 추석 다음 날', '10-03 개천절', '10-09 한글날', '12-25 기독탄신일',
  ],
  2020: [
    '01-01 1월 1일', '01-24 설날 전날', '01-25 설날', '01-26 설날 다음 날', '01-27 대체공휴일(설날)', '03-01 3ㆍ1절',
    '04-15 제21대 국회의원선거', '04-30 부처님 오신 날', '05-05 어린이날', '06-06 현충일', '08-15 광복절', '08-17 임시공휴일',
    '09-30 추석 전날', '10-01 추석', '10-02 추석 다음 날', '10-03 개천절', '10-09 한글날', '12-25 기독탄신일',
  ],
  2021: [
    '01-01 1월 1일', '02-11 설날 전날', '02-12 설날', '02-13 설날 다음 날', '03-01 3ㆍ1절', '05-05 어린이날', '05-19 부처님 오신 날',
    '06-06 현충일', '08-15 광복절', '08-16 대체공휴일(광복절)', '09-20 추석 전날', '09-21 추석', '09-22 추석 다음 날', '10-03 개천절',
    '10-04 대체공휴일(개천절)', '10-09 한글날', '10-11 대체공휴일(한글날)', '12-25 기독탄신일',
  ],
  2022: [
    '01-01 1월 1일', '01-31 설날 전날', '02-01 설날', '02-02 설날 다음 날', '03-01 3ㆍ1절', '03-09 대통령선거', '05-05 어린이날',
    '05-08 부처님 오신 날', '06-01 전국동시지방선거', '06-06 현충일', '08-15 광복절', '09-09 추석 전날', '09-10 추석', '09-11 추석 다음 날',
    '09-12 대체공휴일(추석)', '10-03 개천절', '10-09 한글날', '10-10 대체공휴일(한글날)', '12-25 기독탄신일',
  ],
  2023: [
    '01-01 1월 1일', '01-21 설날 전날', '01-22 설날', '01-23 설날 다음 날', '01-24 대체공휴일(설날)', '03-01 3ㆍ1절', '05-05 어린이날',
    '05-27 부처님 오신 날', '05-29 대체공휴일(부처님 오신 날)', '06-06 현충일', '08-15 광복절', '09-28 추석 전날', '09-29 추석',
    '09-30 추석 다음 날', '10-02 임시공휴일', '10-03 개천절', '10-09 한글날', '12-25 기독탄신일',
  ],
  2024: [
    '01-01 1월 1일', '02-09 설날 전날', '02-10 설날', '02-11 설날 다음 날', '02-12 대체공휴일(설날)', '03-01 3ㆍ1절',
    '04-10 제22대 국회의원선거', '05-05 어린이날', '05-06 대체공휴일(어린이날)', '05-15 부처님 오신 날', '06-06 현충일', '08-15 광복절',
    '09-16 추석 전날', '09-17 추석', '09-18 추석 다음 날', '10-01 임시공휴일', '10-03 개천절', '10-09 한글날', '12-25 기독탄신일',
  ],
  2025: [
    '01-01 1월 1일', '01-27 임시공휴일', '01-28 설날 전날', '01-29 설날', '01-30 설날 다음 날', '03-01 3ㆍ1절',
    '03-03 대체공휴일(3ㆍ1절)', '05-05 어린이날, 부처님 오신 날', '05-06 대체공휴일(부처님 오신 날)', '06-03 임시공휴일(대통령선거)', '06-06 현충일',
    '08-15 광복절', '10-03 개천절', '10-05 추석 전날', '10-06 추석', '10-07 추석 다음 날', '10-08 대체공휴일(추석)', '10-09 한글날',
    '12-25 기독탄신일',
  ],
  // From 2026 노동절 (5월 1일) and 제헌절 (7월 17일) are public holidays again or anew, as the 2026
  // and 2027 calendars publish them; 2026-06-03 is the 9th local elections day.
  2026: [
    '01-01 1월 1일', '02-16 설날 전날', '02-17 설날', '02-18 설날 다음 날', '03-01 3ㆍ1절', '03-02 대체공휴일(3ㆍ1절)', '05-01 노동절',
    '05-05 어린이날', '05-24 부처님 오신 날', '05-25 대체공휴일(부처님 오신 날)', '06-03 전국동시지방선거', '06-06 현충일', '07-17 제헌절',
    '08-15 광복절', '08-17 대체공휴일(광복절)', '09-24 추석 전날', '09-25 추석', '09-26 추석 다음 날', '10-03 개천절',
    '10-05 대체공휴일(개천절)', '10-09 한글날', '12-25 기독탄신일',
  ],
  2027: [
    '01-01 1월 1일', '02-06 설날 전날', '02-07 설날', '02-08 설날 다음 날', '02-09 대체공휴일(설날)', '03-01 3ㆍ1절', '05-01 노동절',
    '05-03 대체공휴일(노동절)', '05-05 어린이날', '05-13 부처님 오신 날', '06-06 현충일', '07-17 제헌절', '07-19 대체공휴일(제헌절)',
    '08-15 광복절', '08-16 대체공휴일(광복절)', '09-14 추석 전날', '09-15 추석', '09-16 추석 다음 날', '10-03 개천절',
    '10-04 대체공휴일(개천절)', '10-09 한글날', '10-11 대체공휴일(한글날)', '12-25 기독탄신일', '12-27 대체공휴일(기독탄신일)',
  ],
};

describe('Korean public holidays 2019–2027', () => {
  it('cover at least 2019–2027', () => {
    expect(holidayTableYears.first).toBeLessThanOrEqual(2019);
    expect(holidayTableYears.last).toBeGreaterThanOrEqual(2027);
  });

  it.each(Object.keys(EXPECTED).map(Number))('%i: every holiday, by date and name', (year) => {
    const list = holidaysOf(year).map((h) => `${h.date.slice(5)} ${h.ko}`);
    expect(list).toEqual(EXPECTED[year]);
    expect(list).toHaveLength(EXPECTED[year].length);
  });

  it.each([
    ['2019-05-06', '대체공휴일(어린이날)', "Substitute holiday (Children's Day)"],
    ['2020-01-27', '대체공휴일(설날)', 'Substitute holiday (Seollal)'],
    ['2021-08-16', '대체공휴일(광복절)', 'Substitute holiday (National Liberation Day)'],
    ['2022-10-10', '대체공휴일(한글날)', 'Substitute holiday (Hangeul Day)'],
    ['2023-05-29', '대체공휴일(부처님 오신 날)', "Substitute holiday (Buddha's Birthday)"],
    ['2024-02-12', '대체공휴일(설날)', 'Substitute holiday (Seollal)'],
    ['2025-03-03', '대체공휴일(3ㆍ1절)', 'Substitute holiday (Independence Movement Day)'],
    ['2026-03-02', '대체공휴일(3ㆍ1절)', 'Substitute holiday (Independence Movement Day)'],
    ['2027-12-27', '대체공휴일(기독탄신일)', 'Substitute holiday (Christmas Day)'],
  ])('substitute day %s: %s', (date, ko, en) => {
    expect(isHoliday(date)).toBe(true);
    expect(holidayName(date, 'ko')).toBe(ko);
    expect(holidayName(date, 'en')).toBe(en);
  });

  it.each([
    ['2020-04-15', '21st National Assembly election day'],
    ['2022-03-09', 'Presidential election day'],
    ['2022-06-01', 'Local elections day'],
    ['2024-04-10', '22nd National Assembly election day'],
    ['2025-06-03', 'Temporary public holiday (Presidential election day)'],
    ['2020-08-17', 'Temporary public holiday'],
    ['2023-10-02', 'Temporary public holiday'],
    ['2024-10-01', 'Temporary public holiday'],
    ['2025-01-27', 'Temporary public holiday'],
  ])('one-off holiday %s: %s', (date, en) => {
    expect(isHoliday(date)).toBe(true);
    expect(holidayName(date, 'en')).toBe(en);
  });

  it.each([
    ['2019-05-13', 'Buddha’s Birthday on a Sunday got no substitute before May 2023'],
    ['2020-10-05', '개천절 on a Saturday got no substitute before August 2021'],
    ['2022-12-26', 'Christmas on a Sunday got no substitute before May 2023'],
    ['2026-09-28', '추석 ending on a Saturday gives no substitute (only Sunday counts for 설날·추석)'],
    ['2026-06-08', '현충일 never gets a substitute'],
    ['2024-12-31', 'an ordinary Tuesday'],
  ])('%s is not a holiday: %s', (date) => {
    expect(isHoliday(date)).toBe(false);
    expect(holidayName(date, 'ko')).toBeNull();
    expect(holidayNames(date, 'en')).toEqual([]);
  });

  it('names two holidays on one day, in both languages', () => {
    expect(holidayNames('2025-05-05', 'ko')).toEqual(['어린이날', '부처님 오신 날']);
    expect(holidayName('2025-05-05', 'en')).toBe("Children's Day, Buddha's Birthday");
  });

  it('has an English name for every name in the table', () => {
    for (let year = holidayTableYears.first; year <= holidayTableYears.last; year++) {
      for (const { names } of publishedHolidays(year)) {
        for (const name of names) expect(englishHolidayName(name), name).toBeTruthy();
      }
    }
  });

  // The rules of the law (fixed dates and substitute days) give exactly the table's dates, given its
  // lunar, election and temporary holidays: this checks the rules we use beyond the table, and
  // catches a table update that breaks the law's pattern.
  it.each(
    Array.from(
      { length: holidayTableYears.last - holidayTableYears.first + 1 },
      (_, i) => holidayTableYears.first + i,
    ),
  )('%i: the law’s rules reproduce the table', (year) => {
    const published = publishedHolidays(year);
    const notComputed = published.flatMap(({ date, names }) =>
      names
        .filter((n) => !isFixedDateHolidayName(n) && !isSubstituteHolidayName(n))
        .map((name) => ({ date, name })),
    );
    const fixed = fixedDateHolidays(year);
    const all = [...fixed, ...notComputed, ...substituteHolidays([...fixed, ...notComputed])];
    expect([...new Set(all.map((d) => d.date))].sort()).toEqual(published.map((p) => p.date).sort());
  });
});

describe('years outside the table', () => {
  const after = holidayTableYears.last + 1;

  it('throw rather than look free of holidays', () => {
    expect(() => isHoliday(`${after}-01-01`)).toThrow(HolidayTableRangeError);
    expect(() => isHoliday(`${after}-01-01`)).toThrow(/update @hyunbinseo\/holidays-kr/);
    expect(() => holidaysOf(after)).toThrow(HolidayTableRangeError);
    expect(() => isHoliday('2013-01-01', { outsideTable: 'solar-only' })).toThrow(HolidayTableRangeError);
  });

  it('give the fixed-date holidays and their substitutes when asked for solar-only', () => {
    const solarOnly = { outsideTable: 'solar-only' } as const;
    expect(holidaysOf(2029, solarOnly).map((h) => `${h.date.slice(5)} ${h.ko}`)).toEqual([
      '01-01 1월 1일',
      '03-01 3ㆍ1절',
      '05-01 노동절',
      '05-05 어린이날',
      '05-07 대체공휴일(어린이날)',
      '06-06 현충일',
      '07-17 제헌절',
      '08-15 광복절',
      '10-03 개천절',
      '10-09 한글날',
      '12-25 기독탄신일',
    ]);
    expect(holidayName('2029-05-07', 'en', solarOnly)).toBe("Substitute holiday (Children's Day)");
    // Known gap, by design: lunar holidays are not computed (설날 2028 is 26 January).
    expect(isHoliday('2028-01-26', solarOnly)).toBe(false);
  });

  it('refuses what is not a date', () => {
    for (const bad of ['2023-02-29', '2023-2-01', '20230201', '', '2023-13-01']) {
      expect(() => isHoliday(bad)).toThrow(RangeError);
    }
  });
});
