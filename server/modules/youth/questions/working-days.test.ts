import { describe, expect, it } from 'vitest';
import { fullWorkingDaysBetween, waitingOf } from './working-days.ts';

describe('working days for the question inbox', () => {
  it.each([
    // 2026-11-23 is a Monday
    ['2026-11-23', '2026-11-23', 0],
    ['2026-11-23', '2026-11-26', 2], // Tue, Wed in full; Thursday is still running
    ['2026-11-23', '2026-11-27', 3],
    ['2026-11-27', '2026-11-30', 0], // Friday to Monday: only the weekend in between
    ['2026-11-27', '2026-12-03', 3], // Mon, Tue, Wed
    ['2026-11-28', '2026-12-02', 2], // asked on a Saturday
    ['2026-11-30', '2026-11-27', 0], // clocks disagreeing never give a negative wait
    // 추석 2025: 개천절 Fri 3 Oct, 추석 Sun 5 – Tue 7, substitute Wed 8, 한글날 Thu 9
    ['2025-10-01', '2025-10-13', 2], // Thu 2 and Fri 10 only
    ['2025-10-02', '2025-10-14', 2], // Fri 10, Mon 13
    // 설날 2024: Fri 9 – Sun 11, substitute Mon 12
    ['2024-02-07', '2024-02-15', 3], // Thu 8, Tue 13, Wed 14
  ])('from %s to %s: %i', (from, to, days) => {
    expect(fullWorkingDaysBetween(from, to)).toBe(days);
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

  it('does not count 추석 and its substitute day towards the three days', () => {
    // Asked Wednesday 2025-10-01 at 17:00 KST. Weekdays alone would flag it on Tuesday 7 October;
    // with the holidays only Thu 2, Fri 10 and Mon 13 count, so it is overdue from Tuesday 14.
    const asked = new Date('2025-10-01T08:00:00Z');
    expect(waitingOf(asked, new Date('2025-10-07T03:00:00Z'))).toEqual({
      workingDaysWaiting: 1,
      overdue: false,
    });
    expect(waitingOf(asked, new Date('2025-10-13T05:00:00Z'))).toEqual({
      workingDaysWaiting: 2,
      overdue: false,
    });
    expect(waitingOf(asked, new Date('2025-10-13T15:00:00Z'))).toEqual({
      workingDaysWaiting: 3,
      overdue: true,
    });
  });

  it('keeps counting past the holiday table with the fixed-date holidays', () => {
    // 2029-05-05 (어린이날) is a Saturday: its substitute is Monday 7 May.
    expect(fullWorkingDaysBetween('2029-05-03', '2029-05-10')).toBe(3); // Fri 4, Tue 8, Wed 9
  });
});
