import { describe, expect, it } from 'vitest';
import { dateInSeoul, fullWorkingDaysBetween, waitingOf } from './working-days.ts';

describe('working days for the question inbox', () => {
  it.each([
    // 2026-11-23 is a Monday
    ['2026-11-23', '2026-11-23', 0],
    ['2026-11-23', '2026-11-26', 2], // Tue, Wed in full; Thursday is still running
    ['2026-11-23', '2026-11-27', 3],
    ['2026-11-27', '2026-11-30', 0], // Friday to Monday: only the weekend in between
    ['2026-11-27', '2026-12-03', 3], // Mon, Tue, Wed
    ['2026-11-28', '2026-12-02', 2], // asked on a Saturday
  ])('from %s to %s: %i', (from, to, days) => {
    expect(fullWorkingDaysBetween(from, to)).toBe(days);
  });

  it('reads dates in Korea, not in UTC', () => {
    // 2026-11-23T16:00Z is already Tuesday 01:00 in Seoul
    expect(dateInSeoul(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24');
  });

  it('flags a question once three working days have passed in full', () => {
    const asked = new Date('2026-11-23T01:00:00Z'); // Monday 10:00 KST
    expect(waitingOf(asked, new Date('2026-11-26T08:00:00Z'))).toEqual({
      workingDaysWaiting: 2,
      overdue: false,
    });
    expect(waitingOf(asked, new Date('2026-11-27T00:00:00Z'))).toEqual({
      workingDaysWaiting: 3,
      overdue: true,
    });
  });
});
