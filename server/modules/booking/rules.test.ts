import { describe, expect, it } from 'vitest';
import type { Role } from '../../platform/access/actor.ts';
import {
  activeSuspension,
  atSeoul,
  checkBooking,
  checkinRefusal,
  daySlots,
  mondayOf,
  nearestFree,
  type ResourceRules,
  type RuleInput,
  reminderDue,
  rollCallSpan,
  type SuspensionRecord,
  seoulClock,
  suspensionDue,
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

// Check-in window, no-show suspension and reminders, as tables of cases around their boundaries.
describe('check-in window (10 minutes before the start until the no-show cut-off)', () => {
  const start = at(DAY, '14:00');
  const cases: Array<[string, string, ReturnType<typeof checkinRefusal>]> = [
    ['11 minutes early', '13:49', 'booking_checkin_too_early'],
    ['exactly 10 minutes early', '13:50', null],
    ['at the start', '14:00', null],
    ['exactly at the cut-off', '14:10', null],
    ['a minute past the cut-off', '14:11', 'booking_checkin_too_late'],
  ];
  it.each(cases)('%s', (_name, hhmm, expected) => {
    expect(checkinRefusal(at(DAY, hhmm), start, 10)).toBe(expected);
  });
});

describe('roll call span (the Korean day, and the next hour past midnight)', () => {
  it('is the day at noon', () => {
    const span = rollCallSpan(at(DAY, '12:00'));
    expect([span.start, span.end]).toEqual([at(DAY, '00:00'), at('2026-12-17', '00:00')]);
  });
  it('reaches an hour past midnight at 23:55, so a booking at 00:05 is listed', () => {
    const span = rollCallSpan(at(DAY, '23:55'));
    expect(span.start).toEqual(at(DAY, '00:00'));
    expect(span.end).toEqual(at('2026-12-17', '00:55'));
  });
});

describe('suspension after no-shows (2 in 30 days → 30 days)', () => {
  const now = at(DAY, '14:11');
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
  const made = (createdDaysAgo: number, endsInDays: number, lifted = false): SuspensionRecord => ({
    startsAt: daysAgo(createdDaysAgo),
    createdAt: daysAgo(createdDaysAgo),
    endsAt: daysAgo(-endsInDays),
    liftedAt: lifted ? daysAgo(1) : null,
  });
  const cases: Array<[string, Date[], SuspensionRecord[], number | null]> = [
    ['one no-show', [daysAgo(0)], [], null],
    ['two today', [daysAgo(0), daysAgo(0)], [], 2],
    ['two, the first 29 days ago', [daysAgo(29), daysAgo(0)], [], 2],
    ['two, the first exactly 30 days ago (outside)', [daysAgo(30), daysAgo(0)], [], null],
    ['three within 30 days', [daysAgo(20), daysAgo(10), daysAgo(0)], [], 3],
    ['already suspended', [daysAgo(2), daysAgo(0)], [made(5, 25)], null],
    [
      'suspension lifted, its no-shows not counted again',
      [daysAgo(6), daysAgo(5)],
      [made(5, 25, true)],
      null,
    ],
    [
      'lifted, then two new no-shows',
      [daysAgo(6), daysAgo(5), daysAgo(1), daysAgo(0)],
      [made(5, 25, true)],
      2,
    ],
    ['an ended suspension, one new no-show', [daysAgo(40), daysAgo(35), daysAgo(0)], [made(35, -5)], null],
  ];
  it.each(cases)('%s', (_name, starts, suspensions, counted) => {
    const due = suspensionDue(starts, suspensions, now);
    if (counted === null) expect(due).toBeNull();
    else expect(due).toEqual({ noShows: counted, endsAt: daysAgo(-30) });
  });

  const active: Array<[string, SuspensionRecord, boolean]> = [
    ['in force', made(1, 29), true],
    ['ends exactly now (over)', { ...made(30, 0), endsAt: now }, false],
    ['ends a millisecond from now', { ...made(30, 0), endsAt: new Date(now.getTime() + 1) }, true],
    ['lifted', made(1, 29, true), false],
  ];
  it.each(active)('a suspension that %s is active: %s', (_name, s, expected) => {
    expect(activeSuspension([s], now) !== null).toBe(expected);
  });
});

describe('reminders: the day before and the hour before, once each', () => {
  const start = at(DAY, '14:00');
  const longAgo = at('2026-12-01', '09:00');
  const none = { day: false, hour: false };
  const cases: Array<[string, string, string, Date, { day: boolean; hour: boolean }, 'day' | 'hour' | null]> =
    [
      ['two days before', '2026-12-14', '14:00', longAgo, none, null],
      ['exactly 24 hours before', '2026-12-15', '14:00', longAgo, none, 'day'],
      ['the evening before', '2026-12-15', '20:00', longAgo, none, 'day'],
      ['the day reminder already sent', '2026-12-15', '20:00', longAgo, { day: true, hour: false }, null],
      ['61 minutes before, day reminder missed', DAY, '12:59', longAgo, none, 'day'],
      ['exactly an hour before', DAY, '13:00', longAgo, { day: true, hour: false }, 'hour'],
      ['the hour reminder already sent', DAY, '13:30', longAgo, { day: true, hour: true }, null],
      ['booked 3 hours before: no day reminder', DAY, '11:30', at(DAY, '11:00'), none, null],
      ['booked 3 hours before: the hour reminder', DAY, '13:30', at(DAY, '11:00'), none, 'hour'],
      ['at the start', DAY, '14:00', longAgo, none, null],
    ];
  it.each(cases)('%s', (_name, date, hhmm, createdAt, sent, expected) => {
    expect(reminderDue(at(date, hhmm), start, createdAt, sent)).toBe(expected);
  });
});
