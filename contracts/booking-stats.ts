import { z } from 'zod';

// Booking usage statistics for staff (issue 10): per resource, booked hours against open hours,
// occupancy by hour of day and weekday, bookings, cancellations and no-shows over a range of Korean
// days. Counts only; no person is named.

/** The longest range the statistics cover, in days (a leap year). */
export const STATS_MAX_DAYS = 366;
/** The range when none is given: the last four weeks up to today. */
export const STATS_DEFAULT_DAYS = 28;

const Day = z.iso.date();
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

export const StatsQuery = z
  .strictObject({ from: Day.optional(), to: Day.optional() })
  .refine((q) => (q.from === undefined) === (q.to === undefined), {
    path: ['to'],
    params: { messageKey: 'field.booking_stats_both' },
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.to >= q.from, {
    path: ['to'],
    params: { messageKey: 'field.booking_stats_order' },
  })
  .refine(
    (q) =>
      q.from === undefined ||
      q.to === undefined ||
      q.to < q.from ||
      dayNumber(q.to) - dayNumber(q.from) + 1 <= STATS_MAX_DAYS,
    { path: ['to'], params: { messageKey: 'field.booking_stats_span' } },
  );
export type StatsQuery = z.infer<typeof StatsQuery>;

/** A share in percent with one decimal, or null when there is nothing to divide by. */
const Percent = z.number().nullable();

export const ResourceStats = z.object({
  /** For the page's choice of resource only; never shown. */
  id: z.uuid(),
  name: z.string(),
  placeName: z.string(),
  openHours: z.number(),
  bookedHours: z.number(),
  occupancy: Percent,
  /** Hour of day 0–23 (Korean time): booked hours, open hours and occupancy in that hour. */
  byHour: z.array(
    z.object({ hour: z.number().int(), bookedHours: z.number(), openHours: z.number(), occupancy: Percent }),
  ),
  /** Weekday 0 (Sunday) – 6 (Saturday). */
  byWeekday: z.array(
    z.object({
      weekday: z.number().int(),
      bookedHours: z.number(),
      openHours: z.number(),
      occupancy: Percent,
    }),
  ),
  bookings: z.number().int(),
  cancellations: z.number().int(),
  noShows: z.number().int(),
  /** Confirmed bookings that have ended: what the no-show rate divides by. */
  endedConfirmed: z.number().int(),
  noShowRate: Percent,
});
export type ResourceStats = z.infer<typeof ResourceStats>;

export const BookingStats = z.object({
  from: z.string(),
  to: z.string(),
  resources: z.array(ResourceStats),
  totals: z.object({
    openHours: z.number(),
    bookedHours: z.number(),
    occupancy: Percent,
    bookings: z.number().int(),
    cancellations: z.number().int(),
    noShows: z.number().int(),
    endedConfirmed: z.number().int(),
    noShowRate: Percent,
  }),
});
export type BookingStats = z.infer<typeof BookingStats>;
