import type { Audience } from '../../../contracts/booking.ts';
import type { Role } from '../../platform/access/actor.ts';
import { addDays, daysBetween, weekdayOf } from '../../platform/time/index.ts';

// The booking rules as pure functions of what the command read: who may book, the slot grid,
// opening hours and closed days, the booking window, capacity, and the per-day and per-week limits.
// Korea keeps UTC+9 all year, so a Korean wall-clock time is the UTC time plus nine hours.

const MINUTE = 60_000;
const SEOUL_OFFSET = 9 * 60 * MINUTE;

/** The Korean date and minute of the day of an instant. */
export function seoulClock(at: Date): { date: string; minute: number } {
  const shifted = new Date(at.getTime() + SEOUL_OFFSET);
  return {
    date: shifted.toISOString().slice(0, 10),
    minute: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
  };
}

/** The instant of a Korean date and minute of the day. */
export const atSeoul = (date: string, minute: number): Date =>
  new Date(Date.parse(`${date}T00:00:00+09:00`) + minute * MINUTE);

/** 'HH:MM[:SS]' as minutes since midnight. */
export const minuteOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The Monday of the (Korean) week holding the date. */
export const mondayOf = (date: string): string => addDays(date, -((weekdayOf(date) + 6) % 7));

/** Who may book a resource of the audience. Staff may book everything. */
export function mayBook(audience: Audience, roles: ReadonlySet<Role>): boolean {
  if (roles.has('staff') || roles.has('admin')) return true;
  switch (audience) {
    case 'residents':
      return true; // any signed-in person of the organization
    case 'youth':
      return roles.has('youth');
    case 'enterprises':
      return roles.has('enterprise_member');
    case 'staff':
      return false;
  }
}

export interface ResourceRules {
  audience: Audience;
  capacity: number;
  slotMinutes: number;
  maxMinutesPerDay: number;
  maxBookingsPerWeek: number;
  opensDaysAhead: number;
  closesMinutesBefore: number;
}

export interface DayHours {
  opens: number;
  closes: number;
}

/** What the place's calendar says of a day: its hours, or why it is shut. */
export type DayPlan = { open: true; hours: DayHours } | { open: false; reason: string };

export interface RuleInput {
  rules: ResourceRules;
  roles: ReadonlySet<Role>;
  now: Date;
  start: Date;
  end: Date;
  people: number;
  day: DayPlan;
  /** The person's active bookings of this resource that day, in minutes (this one not counted). */
  minutesThatDay: number;
  /** The person's active bookings of this resource that week (Monday to Sunday, Korean time). */
  bookingsThatWeek: number;
  /** Staff booking on someone's behalf: only the place's calendar, the slot grid and capacity hold. */
  byStaff?: boolean;
}

export const RULE_REFUSALS = [
  'booking_not_for_you',
  'booking_bad_period',
  'booking_off_grid',
  'booking_closed_day',
  'booking_outside_hours',
  'booking_too_soon',
  'booking_too_far_ahead',
  'booking_too_many_people',
  'booking_day_limit',
  'booking_week_limit',
] as const;
export type RuleRefusal = (typeof RULE_REFUSALS)[number];

/** The first rule the request breaks, with what the message needs, or null when it may be booked. */
export function checkBooking(
  input: RuleInput,
): { code: RuleRefusal; params?: Record<string, unknown> } | null {
  const { rules, start, end, now, day } = input;
  const byStaff = input.byStaff === true;
  if (!byStaff && !mayBook(rules.audience, input.roles)) return { code: 'booking_not_for_you' };
  const minutes = (end.getTime() - start.getTime()) / MINUTE;
  const from = seoulClock(start);
  const to = seoulClock(new Date(end.getTime() - 1));
  if (!(minutes > 0) || from.date !== to.date || start.getTime() % MINUTE !== 0)
    return { code: 'booking_bad_period' };
  if (!day.open) return { code: 'booking_closed_day', params: { reason: day.reason } };
  const { opens, closes } = day.hours;
  const endMinute = from.minute + minutes;
  if (from.minute < opens || endMinute > closes) return { code: 'booking_outside_hours' };
  if ((from.minute - opens) % rules.slotMinutes !== 0 || minutes % rules.slotMinutes !== 0)
    return { code: 'booking_off_grid', params: { minutes: rules.slotMinutes } };
  if (byStaff) {
    if (start.getTime() < now.getTime()) return { code: 'booking_too_soon', params: { minutes: 0 } };
    if (input.people > rules.capacity)
      return { code: 'booking_too_many_people', params: { capacity: rules.capacity } };
    return null;
  }
  if (start.getTime() < now.getTime() + rules.closesMinutesBefore * MINUTE)
    return { code: 'booking_too_soon', params: { minutes: rules.closesMinutesBefore } };
  if (daysBetween(seoulClock(now).date, from.date) > rules.opensDaysAhead)
    return { code: 'booking_too_far_ahead', params: { days: rules.opensDaysAhead } };
  if (input.people > rules.capacity)
    return { code: 'booking_too_many_people', params: { capacity: rules.capacity } };
  if (input.minutesThatDay + minutes > rules.maxMinutesPerDay)
    return { code: 'booking_day_limit', params: { hours: rules.maxMinutesPerDay / 60 } };
  if (input.bookingsThatWeek + 1 > rules.maxBookingsPerWeek)
    return { code: 'booking_week_limit', params: { count: rules.maxBookingsPerWeek } };
  return null;
}

/** Whether a slot starting then is inside the booking window now. */
export function inWindow(rules: ResourceRules, now: Date, start: Date): boolean {
  if (start.getTime() < now.getTime() + rules.closesMinutesBefore * MINUTE) return false;
  return daysBetween(seoulClock(now).date, seoulClock(start).date) <= rules.opensDaysAhead;
}

export interface Period {
  start: Date;
  end: Date;
}

export const overlaps = (a: Period, b: Period) =>
  a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();

/** The day's slots on the grid, each free, taken (overlapping a held period) or closed (out of the window). */
export function daySlots(
  rules: ResourceRules,
  date: string,
  day: DayPlan,
  held: readonly Period[],
  now: Date,
): Array<Period & { state: 'free' | 'taken' | 'closed' }> {
  if (!day.open) return [];
  const out: Array<Period & { state: 'free' | 'taken' | 'closed' }> = [];
  for (let m = day.hours.opens; m + rules.slotMinutes <= day.hours.closes; m += rules.slotMinutes) {
    const slot = { start: atSeoul(date, m), end: atSeoul(date, m + rules.slotMinutes) };
    const state = held.some((h) => overlaps(h, slot))
      ? 'taken'
      : inWindow(rules, now, slot.start)
        ? 'free'
        : 'closed';
    out.push({ ...slot, state });
  }
  return out;
}

/**
 * The free periods of the same length nearest the one asked for (on the slot grid, inside opening
 * hours and the booking window), over the days the calendar gives: what a refused person can take instead.
 */
export function nearestFree(
  rules: ResourceRules,
  wanted: Period,
  days: ReadonlyArray<{ date: string; day: DayPlan }>,
  held: readonly Period[],
  now: Date,
  count = 3,
): Period[] {
  const length = wanted.end.getTime() - wanted.start.getTime();
  const candidates: Period[] = [];
  for (const { date, day } of days) {
    if (!day.open) continue;
    for (let m = day.hours.opens; m * MINUTE + length <= day.hours.closes * MINUTE; m += rules.slotMinutes) {
      const p = { start: atSeoul(date, m), end: new Date(atSeoul(date, m).getTime() + length) };
      if (inWindow(rules, now, p.start) && !held.some((h) => overlaps(h, p))) candidates.push(p);
    }
  }
  const distance = (p: Period) => Math.abs(p.start.getTime() - wanted.start.getTime());
  return candidates
    .sort((a, b) => distance(a) - distance(b) || a.start.getTime() - b.start.getTime())
    .slice(0, count);
}
