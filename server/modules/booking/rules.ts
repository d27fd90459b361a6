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

// Check-in, no-shows and suspension (issue 10): a confirmed booking is checked in from a few minutes
// before its start until the resource's no-show minutes after it; not checked in by then, it is a
// no-show. Two no-shows within 30 days suspend the person's booking for 30 days. No-shows already
// counted for a suspension never count again.

/** How early before the start staff may check a person in. */
export const CHECKIN_OPENS_MINUTES = 10;
export const NO_SHOW_WINDOW_DAYS = 30;
export const NO_SHOWS_TO_SUSPEND = 2;
export const SUSPENSION_DAYS = 30;
const DAY = 24 * 60 * MINUTE;

/** Why a check-in is refused now, or null when it is inside the window (both ends included). */
export function checkinRefusal(
  now: Date,
  start: Date,
  noShowMinutes: number,
): 'booking_checkin_too_early' | 'booking_checkin_too_late' | null {
  if (now.getTime() < start.getTime() - CHECKIN_OPENS_MINUTES * MINUTE) return 'booking_checkin_too_early';
  if (now.getTime() > start.getTime() + noShowMinutes * MINUTE) return 'booking_checkin_too_late';
  return null;
}

/**
 * The period staff's roll call lists: the Korean day, and past midnight the bookings starting within
 * the next hour too (at 23:55 a booking at 00:05 is the next one to check in, not tomorrow's).
 */
export function rollCallSpan(now: Date): Period {
  const today = seoulClock(now).date;
  const endOfDay = new Date(`${addDays(today, 1)}T00:00:00+09:00`);
  const soon = new Date(now.getTime() + 60 * MINUTE);
  return {
    start: new Date(`${today}T00:00:00+09:00`),
    end: soon > endOfDay ? soon : endOfDay,
  };
}

/** Whether a confirmed booking not checked in is a no-show now (past its cut-off). */
export const isPastNoShowCutoff = (now: Date, start: Date, noShowMinutes: number) =>
  now.getTime() > start.getTime() + noShowMinutes * MINUTE;

export interface SuspensionRecord {
  startsAt: Date;
  endsAt: Date;
  liftedAt: Date | null;
  createdAt: Date;
}

/** The suspension in force now (started, not ended, not lifted), if any. */
export function activeSuspension<S extends SuspensionRecord>(suspensions: readonly S[], now: Date): S | null {
  return (
    suspensions.find(
      (s) =>
        s.liftedAt === null && s.startsAt.getTime() <= now.getTime() && now.getTime() < s.endsAt.getTime(),
    ) ?? null
  );
}

/**
 * Whether the person's no-shows (their bookings' start times) suspend them now: at least two whose
 * start is within the last 30 days and after the newest earlier suspension was made, and no
 * suspension in force. Returns the new suspension's end and how many no-shows it counts, or null.
 */
export function suspensionDue(
  noShowStarts: readonly Date[],
  suspensions: readonly SuspensionRecord[],
  now: Date,
): { endsAt: Date; noShows: number } | null {
  if (activeSuspension(suspensions, now)) return null;
  const lastMade = Math.max(0, ...suspensions.map((s) => s.createdAt.getTime()));
  const since = Math.max(now.getTime() - NO_SHOW_WINDOW_DAYS * DAY, lastMade);
  const counted = noShowStarts.filter((s) => s.getTime() > since && s.getTime() <= now.getTime()).length;
  if (counted < NO_SHOWS_TO_SUSPEND) return null;
  return { endsAt: new Date(now.getTime() + SUSPENSION_DAYS * DAY), noShows: counted };
}

/**
 * Which reminder is due for a confirmed booking now: the day before (from 24 hours before the start
 * until an hour before), or the hour before (the last hour). A booking made inside a reminder's
 * window never gets that reminder (it was just made); one already sent is never due again.
 */
export function reminderDue(
  now: Date,
  start: Date,
  createdAt: Date,
  sent: { day: boolean; hour: boolean },
): 'day' | 'hour' | null {
  const before = start.getTime() - now.getTime();
  const madeBefore = start.getTime() - createdAt.getTime();
  if (before <= 0) return null;
  if (before <= 60 * MINUTE) return !sent.hour && madeBefore > 60 * MINUTE ? 'hour' : null;
  if (before <= DAY) return !sent.day && madeBefore > DAY ? 'day' : null;
  return null;
}
