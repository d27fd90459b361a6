import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDate, isWeekend, weekdayOf } from './dates.ts';
import { dateInSeoul, startOfDayInSeoul, todayInSeoul } from './seoul.ts';

describe('calendar dates', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'], // leap year
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['1970-01-01', -1, '1969-12-31'],
    ['2026-11-23', 0, '2026-11-23'],
  ])('%s + %i days = %s', (from, days, to) => {
    expect(addDays(from, days)).toBe(to);
    expect(daysBetween(from, to)).toBe(days);
  });

  it('knows the weekday, before 1970 too', () => {
    expect(weekdayOf('2026-11-23')).toBe(1); // Monday
    expect(weekdayOf('1969-12-31')).toBe(3); // Wednesday
    expect(isWeekend('2026-11-28')).toBe(true);
    expect(isWeekend('2026-11-27')).toBe(false);
  });

  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const bad of ['2023-02-29', '2023-04-31', '2023-1-01', '2023-01-01T00:00', ' 2023-01-01', '']) {
      expect(isIsoDate(bad)).toBe(false);
    }
    expect(() => addDays('2023-02-30', 1)).toThrow(RangeError);
  });
});

describe('Korean time', () => {
  it('reads dates in Korea, not in UTC', () => {
    // 2026-11-23T16:00Z is already Tuesday 01:00 in Seoul
    expect(dateInSeoul(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24');
    expect(dateInSeoul(new Date('2026-11-23T14:59:59Z'))).toBe('2026-11-23');
    expect(todayInSeoul(new Date('2026-12-31T15:00:00Z'))).toBe('2027-01-01');
  });

  it('gives each instant its own day, asked in any order (today is remembered per day)', () => {
    const at = (iso: string) => todayInSeoul(new Date(iso));
    expect(at('2026-12-31T14:59:59.999Z')).toBe('2026-12-31');
    expect(at('2026-12-31T15:00:00Z')).toBe('2027-01-01');
    expect(at('2026-12-31T14:59:59.999Z')).toBe('2026-12-31');
    expect(at('2026-12-30T15:00:00Z')).toBe('2026-12-31');
    expect(at('2027-01-01T14:59:59Z')).toBe('2027-01-01');
    expect(at('2027-01-01T15:00:00Z')).toBe('2027-01-02');
  });

  it('starts a Korean day at 00:00 KST', () => {
    expect(startOfDayInSeoul('2026-03-02').toISOString()).toBe('2026-03-01T15:00:00.000Z');
  });
});
