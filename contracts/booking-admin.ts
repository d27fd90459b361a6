import { z } from 'zod';
import { Audience } from './booking.ts';
import { text } from './text.ts';

// Staff set a resource's booking rules and a place's opening hours and closed dates (공간 예약 관리,
// issue 10). The web's forms and the server check the same rules, with messages a person can act on
// (contracts/field-messages.ts). Weekdays count from Sunday (0) to Saturday (6), as the calendar does.

const Day = z.iso.date();
/** 'HH:MM' on the 24-hour clock; '24:00' is the end of the day. */
const Clock = z.string().refine((s) => /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/.test(s), {
  params: { messageKey: 'field.booking_clock' },
});
const clockMinutes = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
const DAY_MINUTES = 24 * 60;

export const ResourceRulesBody = z
  .strictObject({
    audience: Audience,
    /** A desk holds 1, a co-working floor N people at once. */
    capacity: z.number().int().min(1).max(10000),
    slotMinutes: z.number().int().min(10).max(DAY_MINUTES),
    maxMinutesPerDay: z.number().int().min(10).max(DAY_MINUTES),
    maxBookingsPerWeek: z.number().int().min(1).max(100),
    /** Booking opens this many days ahead... */
    opensDaysAhead: z.number().int().min(0).max(365),
    /** ...and closes this many minutes before the start. */
    closesMinutesBefore: z
      .number()
      .int()
      .min(0)
      .max(30 * DAY_MINUTES),
    approvalNeeded: z.boolean(),
    cancelDeadlineMinutes: z
      .number()
      .int()
      .min(0)
      .max(30 * DAY_MINUTES),
    noShowMinutes: z.number().int().min(1).max(240),
  })
  .refine((r) => r.slotMinutes % 10 === 0, {
    path: ['slotMinutes'],
    params: { messageKey: 'field.booking_slot_step' },
  })
  .refine((r) => r.maxMinutesPerDay % r.slotMinutes === 0, {
    path: ['maxMinutesPerDay'],
    params: { messageKey: 'field.booking_day_limit_slots' },
  })
  .refine((r) => r.closesMinutesBefore < Math.max(r.opensDaysAhead, 1) * DAY_MINUTES, {
    path: ['closesMinutesBefore'],
    params: { messageKey: 'field.booking_window_order' },
  })
  .refine((r) => r.noShowMinutes < r.slotMinutes, {
    path: ['noShowMinutes'],
    params: { messageKey: 'field.booking_no_show_slot' },
  });
export type ResourceRulesBody = z.infer<typeof ResourceRulesBody>;

export const WeekdayHours = z
  .strictObject({ weekday: z.number().int().min(0).max(6), opens: Clock, closes: Clock })
  .refine((h) => clockMinutes(h.closes) > clockMinutes(h.opens), {
    path: ['closes'],
    params: { messageKey: 'field.booking_hours_order' },
  });
export type WeekdayHours = z.infer<typeof WeekdayHours>;

/** The whole week at once: a weekday left out is closed. */
export const PlaceHoursBody = z
  .strictObject({ hours: z.array(WeekdayHours).max(7) })
  .refine((b) => new Set(b.hours.map((h) => h.weekday)).size === b.hours.length, {
    path: ['hours'],
    params: { messageKey: 'field.booking_weekday_twice' },
  });
export type PlaceHoursBody = z.infer<typeof PlaceHoursBody>;

/** Closed days from one date to another (both included), with the reason people will read. */
export const ClosedDatesBody = z
  .strictObject({
    from: Day,
    to: Day,
    reasonKo: text({ min: 1, max: 100 }),
    reasonEn: text({ min: 1, max: 100 }),
  })
  .refine((b) => b.to >= b.from, { path: ['to'], params: { messageKey: 'field.booking_range_order' } })
  .refine((b) => Date.parse(b.to) - Date.parse(b.from) <= 92 * DAY_MINUTES * 60_000, {
    path: ['to'],
    params: { messageKey: 'field.booking_range_length' },
  });
export type ClosedDatesBody = z.infer<typeof ClosedDatesBody>;

export const ClosedDateParams = z.strictObject({ id: z.uuid(), date: Day });

export const ClosedDate = z.object({ date: z.string(), reasonKo: z.string(), reasonEn: z.string() });
export type ClosedDate = z.infer<typeof ClosedDate>;

/** A place as staff edit it: both names, the week's hours and the closed dates from today on. */
export const StaffPlace = z.object({
  id: z.uuid(),
  name: z.string(),
  hours: z.array(z.object({ weekday: z.number().int(), opens: z.string(), closes: z.string() })),
  closedDates: z.array(ClosedDate),
  /** True when more closed dates lie beyond those listed (the list stops at 100). */
  more: z.boolean(),
});
export type StaffPlace = z.infer<typeof StaffPlace>;
