import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates.ts';
import { HolidayTableRangeError } from './korean-holidays.ts';
import { addWorkingDays, isWorkingDay, nextWorkingDayFrom, workingDaysBetween } from './working-days.ts';

describe('working days', () => {
  it.each([
    ['2024-02-08', true], // Thursday before 설날
    ['2024-02-09', false], // 설날 전날 (Friday)
    ['2024-02-10', false], // Saturday and 설날
    ['2024-02-12', false], // substitute day (Monday)
    ['2024-02-13', true],
    ['2025-10-10', true], // Friday after 추석, 한글날 and 개천절
    ['2026-11-28', false], // Saturday
  ])('%s is a working day: %s', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });

  it.each([
    // 설날 2024: Fri 9 to Sun 11, substitute Mon 12
    ['2024-02-08', 1, '2024-02-13'],
    ['2024-02-07', 2, '2024-02-13'],
    // 개천절 (Fri 3 Oct), the weekend, 추석 (Sun 5 to Tue 7), substitute (Wed 8), 한글날 (Thu 9)
    ['2025-10-02', 1, '2025-10-10'],
    ['2025-09-30', 3, '2025-10-10'],
    ['2025-10-10', -1, '2025-10-02'],
    // 추석 2026 ends on a Saturday: no substitute day, Monday works
    ['2026-09-23', 1, '2026-09-28'],
    // a plain weekend
    ['2026-11-27', 1, '2026-11-30'],
    ['2026-11-30', -1, '2026-11-27'],
    // zero days: the date itself, working or not
    ['2025-10-06', 0, '2025-10-06'],
    // across the new year (2024-12-31 Tue, 2025-01-01 holiday)
    ['2024-12-30', 2, '2025-01-02'],
  ])('%s + %i working days = %s', (from, n, to) => {
    expect(addWorkingDays(from, n)).toBe(to);
  });

  it.each([
    ['2025-10-02', '2025-10-10', 1],
    ['2025-09-26', '2025-10-13', 6], // Mon 29, Tue 30, Wed 1, Thu 2, Fri 10, Mon 13
    ['2025-10-13', '2025-09-26', -6],
    ['2024-02-08', '2024-02-12', 0], // 설날 and its substitute day
    ['2026-11-27', '2026-11-30', 1], // the Monday counts, the weekend does not
    ['2026-11-30', '2026-11-30', 0],
  ])('working days after %s up to %s: %i', (from, to, days) => {
    expect(workingDaysBetween(from, to)).toBe(days);
  });

  // Counted by hand: 2025 has 104 weekend days and 17 holidays on weekdays (3ㆍ1절 falls on a Saturday,
  // 추석 전날 on a Sunday, 어린이날 and 부처님 오신 날 share Monday 5 May).
  it('counts 244 working days in 2025', () => {
    expect(workingDaysBetween('2024-12-31', '2025-12-31')).toBe(365 - 104 - 17);
  });

  it('moves a deadline on a holiday to the next working day', () => {
    expect(nextWorkingDayFrom('2025-10-05')).toBe('2025-10-10');
    expect(nextWorkingDayFrom('2025-10-10')).toBe('2025-10-10');
  });

  it('adds and counts consistently across 2019–2027', () => {
    // Up to 2027-10-07, so 30 working days later is still in 2027.
    const day = fc.integer({ min: 0, max: 3200 }).map((n) => addDays('2019-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 30 }), (from, n) => {
        const to = addWorkingDays(from, n);
        return isWorkingDay(to) && workingDaysBetween(from, to) === n;
      }),
    );
  });

  it('throws past the table unless told to use the fixed-date holidays only', () => {
    expect(() => workingDaysBetween('2027-12-20', '2028-01-05')).toThrow(HolidayTableRangeError);
    expect(() => addWorkingDays('2027-12-30', 5)).toThrow(HolidayTableRangeError);
    // 2027-12-31 Fri, 2028-01-01 Sat (holiday), Mon 3, Tue 4, Wed 5
    expect(workingDaysBetween('2027-12-30', '2028-01-05', { outsideTable: 'solar-only' })).toBe(4);
  });
});
