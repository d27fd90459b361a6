import { describe, expect, it } from 'vitest';
import type { Role } from '../../platform/access/actor.ts';
import {
  atSeoul,
  checkBooking,
  daySlots,
  mondayOf,
  nearestFree,
  type ResourceRules,
  type RuleInput,
  seoulClock,
} from './rules.ts';

// The booking rules as a table of cases: one request against one resource, on a Wednesday.
const rules: ResourceRules = {
  audience: 'youth',
  capacity: 3,
  slotMinutes: 60,
  maxMinutesPerDay: 180,
  maxBookingsPerWeek: 2,
  opensDaysAhead: 30,
  closesMinutesBefore: 60,
};
const DAY = '2026-12-16'; // a Wednesday
const NOW = atSeoul('2026-12-09', 9 * 60); // a week before, 09:00
const open = { open: true as const, hours: { opens: 10 * 60, closes: 22 * 60 } };
const youth = new Set<Role>(['resident', 'youth']);
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+09:00`);

const base: RuleInput = {
  rules,
  roles: youth,
  now: NOW,
  start: at(DAY, '14:00'),
  end: at(DAY, '15:00'),
  people: 2,
  day: open,
  minutesThatDay: 0,
  bookingsThatWeek: 0,
};

const cases: Array<[string, Partial<RuleInput>, string | null]> = [
  ['a young person books one free hour', {}, null],
  ['two hours in one go', { end: at(DAY, '16:00') }, null],
  ['a resident without the youth role', { roles: new Set<Role>(['resident']) }, 'booking_not_for_you'],
  [
    'anyone but staff on a staff-only resource',
    { rules: { ...rules, audience: 'staff' } },
    'booking_not_for_you',
  ],
  ['staff on a youth resource', { roles: new Set<Role>(['staff']) }, null],
  [
    'an enterprise member on an enterprise room',
    { rules: { ...rules, audience: 'enterprises' }, roles: new Set<Role>(['enterprise_member']) },
    null,
  ],
  [
    'any signed-in person on a residents room',
    { rules: { ...rules, audience: 'residents' }, roles: new Set<Role>() },
    null,
  ],
  ['an end before the start', { end: at(DAY, '13:00') }, 'booking_bad_period'],
  ['across midnight', { start: at(DAY, '21:00'), end: at('2026-12-17', '01:00') }, 'booking_bad_period'],
  ['a closed day', { day: { open: false, reason: '성탄절' } }, 'booking_closed_day'],
  ['before opening', { start: at(DAY, '09:00'), end: at(DAY, '10:00') }, 'booking_outside_hours'],
  ['past closing', { start: at(DAY, '21:00'), end: at(DAY, '23:00') }, 'booking_outside_hours'],
  ['the last hour of the day', { start: at(DAY, '21:00'), end: at(DAY, '22:00') }, null],
  ['off the hourly grid', { start: at(DAY, '14:30'), end: at(DAY, '15:30') }, 'booking_off_grid'],
  ['half an hour', { end: at(DAY, '14:30') }, 'booking_off_grid'],
  ['inside the hour before the start', { now: at(DAY, '13:30') }, 'booking_too_soon'],
  ['exactly an hour before', { now: at(DAY, '13:00') }, null],
  ['already started', { now: at(DAY, '14:10') }, 'booking_too_soon'],
  ['31 days ahead', { now: atSeoul('2026-11-15', 9 * 60) }, 'booking_too_far_ahead'],
  ['30 days ahead', { now: atSeoul('2026-11-16', 23 * 60) }, null],
  ['more people than the room holds', { people: 4 }, 'booking_too_many_people'],
  ['as many people as it holds', { people: 3 }, null],
  ['over three hours that day', { minutesThatDay: 120, end: at(DAY, '16:00') }, 'booking_day_limit'],
  ['up to three hours that day', { minutesThatDay: 120 }, null],
  ['a third booking that week', { bookingsThatWeek: 2 }, 'booking_week_limit'],
  ['a second booking that week', { bookingsThatWeek: 1 }, null],
  // Staff booking for someone: only the calendar, the grid and capacity hold.
  ['staff for a resident on a youth room', { byStaff: true, roles: new Set<Role>(['resident']) }, null],
  [
    'staff for someone beyond the window and the limits',
    { byStaff: true, now: atSeoul('2026-10-01', 9 * 60), bookingsThatWeek: 9, minutesThatDay: 600 },
    null,
  ],
  ['staff inside the last hour', { byStaff: true, now: at(DAY, '13:50') }, null],
  ['staff for a time already begun', { byStaff: true, now: at(DAY, '14:10') }, 'booking_too_soon'],
  ['staff on a closed day', { byStaff: true, day: { open: false, reason: '휴관' } }, 'booking_closed_day'],
  [
    'staff off the grid',
    { byStaff: true, start: at(DAY, '14:30'), end: at(DAY, '15:30') },
    'booking_off_grid',
  ],
  ['staff over capacity', { byStaff: true, people: 4 }, 'booking_too_many_people'],
];

describe('booking rules', () => {
  it.each(cases)('%s', (_name, change, expected) => {
    expect(checkBooking({ ...base, ...change })?.code ?? null).toBe(expected);
  });

  it('reads Korean dates and weeks', () => {
    expect(seoulClock(new Date('2026-12-15T15:30:00Z'))).toEqual({ date: '2026-12-16', minute: 30 });
    expect(mondayOf('2026-12-16')).toBe('2026-12-14');
    expect(mondayOf('2026-12-20')).toBe('2026-12-14'); // Sunday ends the week
    expect(mondayOf('2026-12-14')).toBe('2026-12-14');
  });

  it('marks a day of slots free, taken and closed', () => {
    const held = [{ start: at(DAY, '14:00'), end: at(DAY, '16:00') }];
    const slots = daySlots(rules, DAY, open, held, at(DAY, '11:30'));
    expect(slots).toHaveLength(12);
    const state = (hhmm: string) => slots.find((s) => s.start.getTime() === at(DAY, hhmm).getTime())?.state;
    expect([
      state('10:00'),
      state('12:00'),
      state('13:00'),
      state('14:00'),
      state('15:00'),
      state('16:00'),
    ]).toEqual(['closed', 'closed', 'free', 'taken', 'taken', 'free']);
    expect(daySlots(rules, DAY, { open: false, reason: 'x' }, held, NOW)).toEqual([]);
  });

  it('offers the nearest free periods of the same length', () => {
    const held = [{ start: at(DAY, '12:00'), end: at(DAY, '16:00') }];
    const wanted = { start: at(DAY, '13:00'), end: at(DAY, '15:00') };
    const next = nearestFree(rules, wanted, [{ date: DAY, day: open }], held, NOW);
    expect(next.map((p) => seoulClock(p.start).minute / 60)).toEqual([10, 16, 17]); // 10:00 and 16:00 are as near; the earlier first;
    expect(next.every((p) => p.end.getTime() - p.start.getTime() === 2 * 3_600_000)).toBe(true);
  });
});
