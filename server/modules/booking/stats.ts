import { asc, eq, sql } from 'drizzle-orm';
import {
  BookingStats,
  type ResourceStats,
  STATS_DEFAULT_DAYS,
  StatsQuery,
} from '../../../contracts/booking-stats.ts';
import { queryRows } from '../../platform/db/connect.ts';
import { forOrg } from '../../platform/db/tenant.ts';
import type { SignedInCtx, ZApp } from '../../platform/http.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { addDays, daysBetween, todayInSeoul, weekdayOf } from '../../platform/time/index.ts';
import { placeCalendar, rangeOf } from './queries.ts';
import { bookingBookings, bookingPlaces, bookingResources } from './tables.ts';

// Usage statistics for staff (issue 10): per active resource over a range of Korean days, the hours
// its confirmed bookings hold against the hours its place is open (the place's calendar: opening
// hours, closed days and public holidays), by hour of day and weekday; bookings, cancellations and
// no-shows. Only counts leave here: no person, purpose or check-in code.
//
// Booked hours are the confirmed bookings (a no-show still held the room) clipped to the range and
// cut at whole Korean hours in SQL; staff blocks and requests awaiting approval are not bookings of
// use. Bookings, cancellations and no-shows count the bookings that start in the range. The
// no-show rate divides the no-shows by the confirmed bookings that have ended.

const pick = (locale: Locale, ko: string, en: string) => (locale === 'en' ? en : ko);
const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);
const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/** The range asked for, or the last four weeks up to today. */
export function statsRange(query: StatsQuery, today = todayInSeoul()): { from: string; to: string } {
  if (query.from && query.to) return { from: query.from, to: query.to };
  return { from: addDays(today, -(STATS_DEFAULT_DAYS - 1)), to: today };
}

/** Minutes of [opens, closes) that fall in each hour of the day (0–23). */
function openMinutesByHour(opens: number, closes: number): number[] {
  return Array.from({ length: 24 }, (_, h) =>
    Math.max(0, Math.min(closes, h * 60 + 60) - Math.max(opens, h * 60)),
  );
}

export async function bookingStats(
  ctx: SignedInCtx,
  query: StatsQuery,
  now = new Date(),
): Promise<BookingStats> {
  const { from, to } = statsRange(query);
  const days = daysBetween(from, to) + 1;
  const span = rangeOf({
    start: new Date(`${from}T00:00:00+09:00`),
    end: new Date(`${addDays(to, 1)}T00:00:00+09:00`),
  });
  const { db, organizationId, locale } = ctx;

  const resources = await db
    .select({
      id: bookingResources.id,
      placeId: bookingResources.placeId,
      nameKo: bookingResources.nameKo,
      nameEn: bookingResources.nameEn,
      placeNameKo: bookingPlaces.nameKo,
      placeNameEn: bookingPlaces.nameEn,
    })
    .from(bookingResources)
    .innerJoin(bookingPlaces, eq(bookingPlaces.id, bookingResources.placeId))
    .where(forOrg(bookingResources, organizationId, eq(bookingResources.active, true)))
    .orderBy(asc(bookingPlaces.nameKo), asc(bookingResources.sortOrder), asc(bookingResources.nameKo));

  // Booked minutes per resource, Korean hour of day and weekday: each confirmed booking clipped to
  // the range and cut at whole hours (Korea keeps UTC+9 all year).
  const booked = await queryRows<{ resource_id: string; hour: number; dow: number; minutes: number }>(
    db,
    sql`select b.resource_id,
          extract(hour from (h at time zone 'UTC') + interval '9 hours')::int as hour,
          extract(dow from (h at time zone 'UTC') + interval '9 hours')::int as dow,
          sum(extract(epoch from least(upper(c.x), h + interval '1 hour') - greatest(lower(c.x), h)) / 60)::float8 as minutes
        from ${bookingBookings} b
        cross join lateral (select b.period * ${span} as x) c
        cross join lateral generate_series(
          date_trunc('hour', lower(c.x) at time zone 'UTC') at time zone 'UTC',
          upper(c.x) - interval '1 microsecond',
          interval '1 hour') as h
        where b.organization_id = ${organizationId} and b.status = 'confirmed' and b.period && ${span}
        group by 1, 2, 3`,
  );

  const counts = await db
    .select({
      resourceId: bookingBookings.resourceId,
      bookings: sql<number>`count(*) filter (where ${bookingBookings.status} <> 'blocked')::int`,
      cancellations: sql<number>`count(*) filter (where ${bookingBookings.status} = 'cancelled')::int`,
      noShows: sql<number>`count(*) filter (where ${bookingBookings.noShowAt} is not null)::int`,
      endedConfirmed: sql<number>`count(*) filter (where ${bookingBookings.status} = 'confirmed' and upper(${bookingBookings.period}) <= ${now.toISOString()}::timestamptz)::int`,
    })
    .from(bookingBookings)
    .where(forOrg(bookingBookings, organizationId, sql`${span} @> lower(${bookingBookings.period})`))
    .groupBy(bookingBookings.resourceId);

  // Open minutes per place, by hour of day and weekday, from the place's own calendar.
  const openByPlace = new Map<string, { byHour: number[]; byWeekday: number[] }>();
  for (const placeId of new Set(resources.map((r) => r.placeId))) {
    const byHour = new Array<number>(24).fill(0);
    const byWeekday = new Array<number>(7).fill(0);
    for (const { date, day } of await placeCalendar(db, organizationId, placeId, from, days, locale)) {
      if (!day.open) continue;
      const minutes = openMinutesByHour(day.hours.opens, day.hours.closes);
      minutes.forEach((m, h) => {
        byHour[h] += m;
      });
      byWeekday[weekdayOf(date)] += minutes.reduce((a, b) => a + b, 0);
    }
    openByPlace.set(placeId, { byHour, byWeekday });
  }

  const items: ResourceStats[] = resources.map((r) => {
    const open = openByPlace.get(r.placeId) ?? { byHour: [], byWeekday: [] };
    const bookedByHour = new Array<number>(24).fill(0);
    const bookedByWeekday = new Array<number>(7).fill(0);
    for (const row of booked) {
      if (row.resource_id !== r.id) continue;
      bookedByHour[Number(row.hour)] += Number(row.minutes);
      bookedByWeekday[Number(row.dow)] += Number(row.minutes);
    }
    const openMinutes = open.byHour.reduce((a, b) => a + b, 0);
    const bookedMinutes = bookedByHour.reduce((a, b) => a + b, 0);
    const c = counts.find((x) => x.resourceId === r.id);
    const noShows = Number(c?.noShows ?? 0);
    const endedConfirmed = Number(c?.endedConfirmed ?? 0);
    return {
      id: r.id,
      name: pick(locale, r.nameKo, r.nameEn),
      placeName: pick(locale, r.placeNameKo, r.placeNameEn),
      openHours: hours(openMinutes),
      bookedHours: hours(bookedMinutes),
      occupancy: percent(bookedMinutes, openMinutes),
      byHour: bookedByHour.map((m, hour) => ({
        hour,
        bookedHours: hours(m),
        openHours: hours(open.byHour[hour] ?? 0),
        occupancy: percent(m, open.byHour[hour] ?? 0),
      })),
      byWeekday: bookedByWeekday.map((m, weekday) => ({
        weekday,
        bookedHours: hours(m),
        openHours: hours(open.byWeekday[weekday] ?? 0),
        occupancy: percent(m, open.byWeekday[weekday] ?? 0),
      })),
      bookings: Number(c?.bookings ?? 0),
      cancellations: Number(c?.cancellations ?? 0),
      noShows,
      endedConfirmed,
      noShowRate: percent(noShows, endedConfirmed),
    };
  });

  const sum = (f: (r: ResourceStats) => number) => items.reduce((a, r) => a + f(r), 0);
  const openHours = Math.round(sum((r) => r.openHours) * 100) / 100;
  const bookedHours = Math.round(sum((r) => r.bookedHours) * 100) / 100;
  const noShows = sum((r) => r.noShows);
  const endedConfirmed = sum((r) => r.endedConfirmed);
  return {
    from,
    to,
    resources: items,
    totals: {
      openHours,
      bookedHours,
      occupancy: percent(bookedHours, openHours),
      bookings: sum((r) => r.bookings),
      cancellations: sum((r) => r.cancellations),
      noShows,
      endedConfirmed,
      noShowRate: percent(noShows, endedConfirmed),
    },
  };
}

/** GET /api/v1/booking/staff/stats?from&to (staff: `booking.manage`), registered by routes.ts. */
export function statsRoutes(app: ZApp) {
  app.get(
    '/api/v1/booking/staff/stats',
    {
      config: { access: { action: 'booking.manage' } },
      schema: { tags: ['booking'], querystring: StatsQuery, response: { 200: BookingStats } },
    },
    async (req) => bookingStats(req.ctx, req.query),
  );
}
