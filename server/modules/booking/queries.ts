import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  ACTIVE_BOOKING_STATUSES,
  type Booking,
  type PlaceWithResources,
  type Resource,
  type SlotDay,
  type StaffAppeal,
  type Suspension,
} from '../../../contracts/booking.ts';
import { users } from '../../platform/auth/tables.ts';
import type { DbOrTx } from '../../platform/db/connect.ts';
import { forOrg } from '../../platform/db/tenant.ts';
import { AppError } from '../../platform/errors.ts';
import type { Ctx, SignedInCtx } from '../../platform/http.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { cursorKey, decodeCursor, pageOf } from '../../platform/paging/cursor.ts';
import { logPersonalDataAccessOf } from '../../platform/privacy/access-log.ts';
import { addDays, holidayName, weekdayOf } from '../../platform/time/index.ts';
import { placePhotoRefs, resourcePhotoRefs } from './photo-refs.ts';
import {
  activeSuspension,
  checkinRefusal,
  type DayPlan,
  daySlots,
  minuteOf,
  type Period,
  rollCallSpan,
  seoulClock,
} from './rules.ts';
import {
  bookingBookings,
  bookingClosedDates,
  bookingOpeningHours,
  bookingPlaces,
  bookingResources,
  bookingSuspensions,
} from './tables.ts';

const pick = (locale: Locale, ko: string, en: string) => (locale === 'en' ? en : ko);

/** A booking's period as two instants (lower and upper bound of the tstzrange). */
export const periodStart = sql<Date>`lower(${bookingBookings.period})`.mapWith(bookingBookings.createdAt);
export const periodEnd = sql<Date>`upper(${bookingBookings.period})`.mapWith(bookingBookings.createdAt);
/** The SQL range of a period, as the table stores it: start included, end excluded. */
export const rangeOf = (p: Period) =>
  sql`tstzrange(${p.start.toISOString()}::timestamptz, ${p.end.toISOString()}::timestamptz, '[)')`;
export const activeStatus = inArray(bookingBookings.status, [...ACTIVE_BOOKING_STATUSES]);

export type ResourceRow = typeof bookingResources.$inferSelect & { placeNameKo: string; placeNameEn: string };

export function presentResource(r: ResourceRow, locale: Locale): Resource {
  return {
    id: r.id,
    placeId: r.placeId,
    placeName: pick(locale, r.placeNameKo, r.placeNameEn),
    code: r.code,
    name: pick(locale, r.nameKo, r.nameEn),
    kind: r.kind,
    capacity: r.capacity,
    audience: r.audience,
    slotMinutes: r.slotMinutes,
    maxMinutesPerDay: r.maxMinutesPerDay,
    maxBookingsPerWeek: r.maxBookingsPerWeek,
    opensDaysAhead: r.opensDaysAhead,
    closesMinutesBefore: r.closesMinutesBefore,
    approvalNeeded: r.approvalNeeded,
    cancelDeadlineMinutes: r.cancelDeadlineMinutes,
    noShowMinutes: r.noShowMinutes,
  };
}

/** An active resource of the organization, or 404. */
export async function findResource(db: DbOrTx, organizationId: string, id: string): Promise<ResourceRow> {
  const [row] = await db
    .select({ r: bookingResources, placeNameKo: bookingPlaces.nameKo, placeNameEn: bookingPlaces.nameEn })
    .from(bookingResources)
    .innerJoin(bookingPlaces, eq(bookingPlaces.id, bookingResources.placeId))
    .where(
      forOrg(
        bookingResources,
        organizationId,
        eq(bookingResources.id, id),
        eq(bookingResources.active, true),
      ),
    );
  if (!row) throw new AppError('booking_resource_not_found', 404);
  return { ...row.r, placeNameKo: row.placeNameKo, placeNameEn: row.placeNameEn };
}

/** The place's calendar: what each day from `from` for `days` days says (hours, closed day, holiday). */
export async function placeCalendar(
  db: DbOrTx,
  organizationId: string,
  placeId: string,
  from: string,
  days: number,
  locale: Locale,
): Promise<Array<{ date: string; day: DayPlan }>> {
  const to = addDays(from, days - 1);
  const [hours, closed] = await Promise.all([
    db
      .select()
      .from(bookingOpeningHours)
      .where(forOrg(bookingOpeningHours, organizationId, eq(bookingOpeningHours.placeId, placeId))),
    db
      .select()
      .from(bookingClosedDates)
      .where(
        forOrg(
          bookingClosedDates,
          organizationId,
          eq(bookingClosedDates.placeId, placeId),
          sql`${bookingClosedDates.closedOn} between ${from} and ${to}`,
        ),
      ),
  ]);
  const out: Array<{ date: string; day: DayPlan }> = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(from, i);
    const shut = closed.find((c) => c.closedOn === date);
    const holiday = holidayName(date, locale, { outsideTable: 'solar-only' });
    const open = hours.find((h) => h.weekday === weekdayOf(date));
    let day: DayPlan;
    if (shut)
      day = {
        open: false,
        reason: pick(locale, shut.reasonKo, shut.reasonEn) || pick(locale, '휴관일', 'Closed'),
      };
    else if (holiday) day = { open: false, reason: holiday };
    else if (!open)
      day = { open: false, reason: pick(locale, '운영하지 않는 요일', 'Closed on this weekday') };
    else day = { open: true, hours: { opens: minuteOf(open.opens), closes: minuteOf(open.closes) } };
    out.push({ date, day });
  }
  return out;
}

/** The active periods (bookings awaiting approval, confirmed ones and blocks) of a resource between two instants. */
export async function heldPeriods(
  db: DbOrTx,
  organizationId: string,
  resourceId: string,
  span: Period,
): Promise<Period[]> {
  const rows = await db
    .select({ start: periodStart, end: periodEnd })
    .from(bookingBookings)
    .where(
      forOrg(
        bookingBookings,
        organizationId,
        eq(bookingBookings.resourceId, resourceId),
        activeStatus,
        sql`${bookingBookings.period} && ${rangeOf(span)}`,
      ),
    );
  return rows.map((r) => ({ start: new Date(r.start), end: new Date(r.end) }));
}

/** The places with their bookable resources and opening hours (public). */
export async function listPlaces(ctx: Ctx): Promise<PlaceWithResources[]> {
  const { db, organizationId, locale } = ctx;
  const [places, resources, hours] = await Promise.all([
    db
      .select()
      .from(bookingPlaces)
      .where(forOrg(bookingPlaces, organizationId))
      .orderBy(asc(bookingPlaces.createdAt), asc(bookingPlaces.code)),
    db
      .select({ r: bookingResources, placeNameKo: bookingPlaces.nameKo, placeNameEn: bookingPlaces.nameEn })
      .from(bookingResources)
      .innerJoin(bookingPlaces, eq(bookingPlaces.id, bookingResources.placeId))
      .where(forOrg(bookingResources, organizationId, eq(bookingResources.active, true)))
      .orderBy(asc(bookingResources.sortOrder), asc(bookingResources.code)),
    db
      .select()
      .from(bookingOpeningHours)
      .where(forOrg(bookingOpeningHours, organizationId))
      .orderBy(asc(bookingOpeningHours.weekday)),
  ]);
  const [placePhotos, resourcePhotos] = await Promise.all([
    placePhotoRefs(
      db,
      organizationId,
      places.map((p) => p.id),
      locale,
    ),
    resourcePhotoRefs(
      db,
      organizationId,
      resources.map((r) => r.r.id),
      locale,
    ),
  ]);
  return places.map((p) => ({
    id: p.id,
    code: p.code,
    name: pick(locale, p.nameKo, p.nameEn),
    address: p.address,
    description: pick(locale, p.descriptionKo, p.descriptionEn),
    sample: p.isSample,
    hours: hours
      .filter((h) => h.placeId === p.id)
      .map((h) => ({ weekday: h.weekday, opens: h.opens.slice(0, 5), closes: h.closes.slice(0, 5) })),
    photos: placePhotos.get(p.id) ?? [],
    resources: resources
      .filter((r) => r.r.placeId === p.id)
      .map((r) => ({
        ...presentResource({ ...r.r, placeNameKo: r.placeNameKo, placeNameEn: r.placeNameEn }, locale),
        photos: resourcePhotos.get(r.r.id) ?? [],
      })),
  }));
}

/** A resource's slots for a day or a week: free, taken or closed (public; no one's name shows). */
export async function listSlots(ctx: Ctx, resourceId: string, date: string, days: number, now = new Date()) {
  const resource = await findResource(ctx.db, ctx.organizationId, resourceId);
  const calendar = await placeCalendar(ctx.db, ctx.organizationId, resource.placeId, date, days, ctx.locale);
  const span = {
    start: new Date(`${date}T00:00:00+09:00`),
    end: new Date(`${addDays(date, days)}T00:00:00+09:00`),
  };
  const held = await heldPeriods(ctx.db, ctx.organizationId, resourceId, span);
  const out: SlotDay[] = calendar.map(({ date: d, day }) => ({
    date: d,
    closedReason: day.open ? null : day.reason,
    slots: daySlots(resource, d, day, held, now).map((s) => ({
      start: s.start.toISOString(),
      end: s.end.toISOString(),
      state: s.state,
    })),
  }));
  // The resource's own photos, or its place's when it has none.
  const [own, ofPlace] = await Promise.all([
    resourcePhotoRefs(ctx.db, ctx.organizationId, [resourceId], ctx.locale),
    placePhotoRefs(ctx.db, ctx.organizationId, [resource.placeId], ctx.locale),
  ]);
  const photos = own.get(resourceId) ?? ofPlace.get(resource.placeId) ?? [];
  return { resource: { ...presentResource(resource, ctx.locale), photos }, days: out };
}

const bookingColumns = {
  id: bookingBookings.id,
  resourceId: bookingBookings.resourceId,
  userId: bookingBookings.userId,
  start: periodStart,
  end: periodEnd,
  status: bookingBookings.status,
  purpose: bookingBookings.purpose,
  people: bookingBookings.people,
  isSample: bookingBookings.isSample,
  cancelReason: bookingBookings.cancelReason,
  createdAt: bookingBookings.createdAt,
  resourceKo: bookingResources.nameKo,
  resourceEn: bookingResources.nameEn,
  placeKo: bookingPlaces.nameKo,
  placeEn: bookingPlaces.nameEn,
  address: bookingPlaces.address,
  cancelDeadlineMinutes: bookingResources.cancelDeadlineMinutes,
  noShowMinutes: bookingResources.noShowMinutes,
  checkinCode: bookingBookings.checkinCode,
  checkedInAt: bookingBookings.checkedInAt,
  noShowAt: bookingBookings.noShowAt,
};
interface BookingRow {
  id: string;
  resourceId: string;
  userId: string | null;
  start: Date;
  end: Date;
  status: Booking['status'];
  purpose: string;
  people: number;
  isSample: boolean;
  cancelReason: string | null;
  createdAt: Date;
  resourceKo: string;
  resourceEn: string;
  placeKo: string;
  placeEn: string;
  address: string;
  cancelDeadlineMinutes: number;
  noShowMinutes: number;
  checkinCode: string | null;
  checkedInAt: Date | null;
  noShowAt: Date | null;
}

function presentBooking(r: BookingRow, locale: Locale, now: Date): Booking {
  const start = new Date(r.start);
  return {
    id: r.id,
    resourceId: r.resourceId,
    resourceName: pick(locale, r.resourceKo, r.resourceEn),
    placeName: pick(locale, r.placeKo, r.placeEn),
    start: start.toISOString(),
    end: new Date(r.end).toISOString(),
    status: r.status,
    purpose: r.purpose,
    people: r.people,
    sample: r.isSample,
    cancellable: mayCancelNow(r.status, start, r.cancelDeadlineMinutes, now),
    cancelReason: r.cancelReason,
    createdAt: r.createdAt.toISOString(),
    // The code is the owner's ticket while the booking can still be used.
    checkinCode:
      r.status === 'confirmed' && !r.checkedInAt && !r.noShowAt && new Date(r.end).getTime() > now.getTime()
        ? r.checkinCode
        : null,
    checkedInAt: r.checkedInAt ? new Date(r.checkedInAt).toISOString() : null,
    noShow: r.noShowAt !== null,
    checkinOpen:
      r.status === 'confirmed' &&
      !r.checkedInAt &&
      !r.noShowAt &&
      r.checkinCode !== null &&
      checkinRefusal(now, start, r.noShowMinutes) === null,
  };
}

/** A person may cancel their own active booking until the resource's deadline before it starts. */
export const mayCancelNow = (status: string, start: Date, deadlineMinutes: number, now: Date) =>
  (status === 'requested' || status === 'confirmed') &&
  now.getTime() <= start.getTime() - deadlineMinutes * 60_000;

function bookingsQuery(db: DbOrTx) {
  // tenant-scope: every caller adds forOrg(bookingBookings, …) in its where()
  return db
    .select(bookingColumns)
    .from(bookingBookings)
    .innerJoin(bookingResources, eq(bookingResources.id, bookingBookings.resourceId))
    .innerJoin(bookingPlaces, eq(bookingPlaces.id, bookingResources.placeId));
}

/** One booking as its owner sees it (404 for anyone else's). */
export async function findMyBooking(ctx: SignedInCtx, id: string, now = new Date()): Promise<Booking> {
  const [row] = await bookingsQuery(ctx.db).where(
    forOrg(bookingBookings, ctx, eq(bookingBookings.id, id), eq(bookingBookings.userId, ctx.actor.userId)),
  );
  if (!row || row.status === 'blocked') throw new AppError('booking_not_found', 404);
  return presentBooking(row, ctx.locale, now);
}

/** A person's bookings (blocks are staff rows, never a person's), by start, with each place's address. */
export async function bookingsOf(
  db: DbOrTx,
  organizationId: string,
  userId: string,
  locale: Locale,
  now = new Date(),
): Promise<Array<Booking & { address: string }>> {
  const rows = await bookingsQuery(db)
    .where(
      forOrg(
        bookingBookings,
        organizationId,
        eq(bookingBookings.userId, userId),
        sql`${bookingBookings.status} <> 'blocked'`,
      ),
    )
    .orderBy(asc(periodStart));
  return rows.map((r) => ({ ...presentBooking(r, locale, now), address: r.address }));
}

/** The person's bookings, the coming ones first, then the past (newest first). */
export async function listMyBookings(ctx: SignedInCtx, now = new Date()): Promise<Booking[]> {
  const items = (await bookingsOf(ctx.db, ctx.organizationId, ctx.actor.userId, ctx.locale, now)).map(
    ({ address: _, ...b }) => b,
  );
  const t = now.toISOString();
  return [...items.filter((b) => b.end >= t), ...items.filter((b) => b.end < t).reverse()];
}

/** Bookings with who made them, for staff: the read of the names is access-logged in the same transaction. */
async function staffRows(ctx: SignedInCtx, where: SQL, route: string, now: Date) {
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select({ ...bookingColumns, bookedBy: users.displayName })
      .from(bookingBookings)
      .innerJoin(bookingResources, eq(bookingResources.id, bookingBookings.resourceId))
      .innerJoin(bookingPlaces, eq(bookingPlaces.id, bookingResources.placeId))
      .leftJoin(users, eq(users.id, bookingBookings.userId))
      .where(forOrg(bookingBookings, ctx, where))
      .orderBy(asc(periodStart));
    const shown = rows.filter((r) => r.userId && r.status !== 'blocked').map((r) => r.userId as string);
    await logPersonalDataAccessOf(tx, ctx, shown, {
      fields: ['displayName'],
      reason: 'booking.bookings.list',
      route,
    });
    return rows.map((r) => ({
      ...presentBooking(r, ctx.locale, now),
      bookedBy: r.status === 'blocked' ? null : r.bookedBy,
    }));
  });
}

/** A resource's bookings and blocks over some days (staff). */
export async function listResourceBookings(
  ctx: SignedInCtx,
  resourceId: string,
  from: string,
  days: number,
  route: string,
  now = new Date(),
) {
  await findResource(ctx.db, ctx.organizationId, resourceId);
  const span = {
    start: new Date(`${from}T00:00:00+09:00`),
    end: new Date(`${addDays(from, days)}T00:00:00+09:00`),
  };
  return staffRows(
    ctx,
    and(
      eq(bookingBookings.resourceId, resourceId),
      sql`${bookingBookings.period} && ${rangeOf(span)}`,
    ) as SQL,
    route,
    now,
  );
}

/** Today's confirmed bookings (Korean day, and the next hour's past midnight), of one place or all, for staff roll call. */
export function listToday(ctx: SignedInCtx, placeId: string | undefined, route: string, now = new Date()) {
  const span = rollCallSpan(now);
  return staffRows(
    ctx,
    and(
      eq(bookingBookings.status, 'confirmed'),
      sql`${bookingBookings.period} && ${rangeOf(span)}`,
      placeId ? eq(bookingResources.placeId, placeId) : undefined,
    ) as SQL,
    route,
    now,
  );
}

/** Bookings waiting for approval, the soonest first (staff: the approvals queue). */
export const listWaiting = (ctx: SignedInCtx, route: string, now = new Date()) =>
  staffRows(ctx, eq(bookingBookings.status, 'requested'), route, now);

/** A place's names (ko, en). */
export const placeNames = (db: DbOrTx, organizationId: string, placeId: string) =>
  db
    .select({ nameKo: bookingPlaces.nameKo, nameEn: bookingPlaces.nameEn })
    .from(bookingPlaces)
    .where(forOrg(bookingPlaces, organizationId, eq(bookingPlaces.id, placeId)));

/** The address of the place a resource belongs to (for a calendar file's location). */
export async function placeAddressOf(
  db: DbOrTx,
  organizationId: string,
  resourceId: string,
): Promise<string> {
  const [row] = await db
    .select({ address: bookingPlaces.address })
    .from(bookingResources)
    .innerJoin(bookingPlaces, eq(bookingPlaces.id, bookingResources.placeId))
    .where(forOrg(bookingResources, organizationId, eq(bookingResources.id, resourceId)));
  return row?.address ?? '';
}

/** The person's active bookings of a resource on a Korean day (minutes) and in its week (count). */
export async function usageOf(
  tx: DbOrTx,
  organizationId: string,
  resourceId: string,
  userId: string,
  day: string,
  monday: string,
) {
  const dayRange = rangeOf({
    start: new Date(`${day}T00:00:00+09:00`),
    end: new Date(`${addDays(day, 1)}T00:00:00+09:00`),
  });
  const weekRange = rangeOf({
    start: new Date(`${monday}T00:00:00+09:00`),
    end: new Date(`${addDays(monday, 7)}T00:00:00+09:00`),
  });
  const [row] = await tx
    .select({
      minutes: sql<number>`coalesce(sum(extract(epoch from upper(${bookingBookings.period}) - lower(${bookingBookings.period})) / 60) filter (where ${bookingBookings.period} && ${dayRange}), 0)::int`,
      count: sql<number>`count(*) filter (where ${bookingBookings.period} && ${weekRange})::int`,
    })
    .from(bookingBookings)
    .where(
      forOrg(
        bookingBookings,
        organizationId,
        eq(bookingBookings.resourceId, resourceId),
        eq(bookingBookings.userId, userId),
        inArray(bookingBookings.status, ['requested', 'confirmed']),
      ),
    );
  return { minutes: Number(row?.minutes ?? 0), count: Number(row?.count ?? 0) };
}

/** A person's suspensions, newest first (the rules pick the one in force). */
export async function suspensionsOf(db: DbOrTx, organizationId: string, userId: string) {
  return db
    .select()
    .from(bookingSuspensions)
    .where(forOrg(bookingSuspensions, organizationId, eq(bookingSuspensions.userId, userId)))
    .orderBy(desc(bookingSuspensions.createdAt));
}

type SuspensionRow = typeof bookingSuspensions.$inferSelect;

export function presentSuspension(s: SuspensionRow): Suspension {
  return {
    id: s.id,
    endsAt: s.endsAt.toISOString(),
    endsOn: seoulClock(s.endsAt).date,
    noShows: s.noShows,
    appealText: s.appealText,
    appealStatus: s.appealStatus,
    decisionReason: s.decisionReason,
  };
}

/** The signed-in person's suspension in force, if any, with their appeal. */
export async function findMySuspension(ctx: SignedInCtx, now = new Date()): Promise<Suspension | null> {
  const active = activeSuspension(await suspensionsOf(ctx.db, ctx.organizationId, ctx.actor.userId), now);
  return active ? presentSuspension(active) : null;
}

const APPEALS_PAGE = 20;
const APPEAL_CURSOR = z.tuple([cursorKey.timestamp, cursorKey.uuid]);

/** Appeals waiting for staff, the oldest first, page by page; reading the names is access-logged. */
export async function listAppeals(ctx: SignedInCtx, cursor: string | undefined, route: string) {
  const after = cursor ? decodeCursor(cursor, APPEAL_CURSOR) : null;
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select({
        s: bookingSuspensions,
        person: users.displayName,
        appealedKey: sql<string>`${bookingSuspensions.appealedAt}::text`,
      })
      .from(bookingSuspensions)
      .leftJoin(users, eq(users.id, bookingSuspensions.userId))
      .where(
        forOrg(
          bookingSuspensions,
          ctx,
          eq(bookingSuspensions.appealStatus, 'pending'),
          after
            ? sql`(${bookingSuspensions.appealedAt}, ${bookingSuspensions.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)`
            : undefined,
        ),
      )
      .orderBy(asc(bookingSuspensions.appealedAt), asc(bookingSuspensions.id))
      .limit(APPEALS_PAGE + 1);
    const page = pageOf(
      rows,
      APPEALS_PAGE,
      (r) => [r.appealedKey, r.s.id],
      (r): StaffAppeal => ({
        ...presentSuspension(r.s),
        person: r.person,
        appealedAt: (r.s.appealedAt as Date).toISOString(),
        startsAt: r.s.startsAt.toISOString(),
      }),
    );
    await logPersonalDataAccessOf(
      tx,
      ctx,
      rows.slice(0, APPEALS_PAGE).map((r) => r.s.userId),
      { fields: ['displayName'], reason: 'booking.appeals.list', route },
    );
    return page;
  });
}
