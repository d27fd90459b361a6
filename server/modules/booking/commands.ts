import { eq, sql } from 'drizzle-orm';
import type {
  AppealBody,
  AppealDecisionBody,
  BlockBody,
  Booking,
  BookingBody,
  CancelBody,
  CheckinResult,
  StaffBookingBody,
  Suspension,
} from '../../../contracts/booking.ts';
import type { Role } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import { findUserByEmail } from '../../platform/auth/commands.ts';
import { memberships, users } from '../../platform/auth/tables.ts';
import type { DbOrTx } from '../../platform/db/connect.ts';
import { forOrg } from '../../platform/db/tenant.ts';
import { AppError } from '../../platform/errors.ts';
import type { SignedInCtx } from '../../platform/http.ts';
import { enqueueNotification } from '../../platform/notify/index.ts';
import { logPersonalDataAccessOf } from '../../platform/privacy/access-log.ts';
import { addDays } from '../../platform/time/index.ts';
import { BOOKING_CHANGED } from './notify.ts';
import {
  activeStatus,
  findMyBooking,
  findResource,
  heldPeriods,
  mayCancelNow,
  periodEnd,
  periodStart,
  placeCalendar,
  placeNames,
  presentSuspension,
  type ResourceRow,
  rangeOf,
  suspensionsOf,
  usageOf,
} from './queries.ts';
import {
  activeSuspension,
  checkBooking,
  checkinRefusal,
  mayBook,
  mondayOf,
  nearestFree,
  overlaps,
  type Period,
  seoulClock,
} from './rules.ts';
import { bookingBookings, bookingResources, bookingSuspensions } from './tables.ts';

/** How many days after the asked-for one the 409 looks for free slots. */
const NEAREST_DAYS = 7;

/** True when the database refused the row for overlapping an active one (exclusion_violation). */
function isOverlap(err: unknown): boolean {
  for (
    let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0;
    e && i < 4;
    e = e.cause as typeof e, i++
  )
    if (e.code === '23P01') return true;
  return false;
}

/**
 * The 409 for a taken period, in both languages, with the nearest free periods of the same length;
 * null when nothing active overlaps the period (checked without locks: the constraint decides).
 */
async function takenConflict(
  ctx: SignedInCtx,
  resource: ResourceRow,
  wanted: Period,
  now: Date,
): Promise<AppError | null> {
  const firstDay = seoulClock(wanted.start).date;
  // From the day before the asked-for one, but never before today.
  const from = [addDays(firstDay, -1), seoulClock(now).date].sort()[1];
  const held = await heldPeriods(ctx.db, ctx.organizationId, resource.id, {
    start: new Date(`${[from, firstDay].sort()[0]}T00:00:00+09:00`),
    end: new Date(`${addDays(from, NEAREST_DAYS + 2)}T00:00:00+09:00`),
  });
  if (!held.some((h) => overlaps(h, wanted))) return null;
  const days = await placeCalendar(
    ctx.db,
    ctx.organizationId,
    resource.placeId,
    from,
    NEAREST_DAYS + 2,
    ctx.locale,
  );
  const nearest = nearestFree(resource, wanted, days, held, now).map((p) => ({
    start: p.start.toISOString(),
    end: p.end.toISOString(),
  }));
  return new AppError('booking_taken', 409, {}, { nearest });
}

/** For whom a booking is made: the person asking, or someone staff book for (rules of staff's choosing). */
interface Booker {
  userId: string;
  roles: ReadonlySet<Role>;
  /** Staff booking on someone's behalf: audience, booking window and per-person limits do not apply. */
  byStaff: boolean;
}

/**
 * Books a period of a resource: the rules first (who, when, how many, how often), then the row, which
 * the database refuses if any active row of the resource overlaps it. A person's requests for one
 * resource wait for each other (a transaction-scoped lock), so two at once cannot both pass the
 * per-day and per-week limits; different people race at the constraint. Returns the new row's id.
 */
async function placeBooking(ctx: SignedInCtx, booker: Booker, body: BookingBody, now: Date): Promise<string> {
  const wanted = { start: new Date(body.start), end: new Date(body.end) };
  const { userId } = booker;
  const resource = await findResource(ctx.db, ctx.organizationId, body.resourceId);
  if (!booker.byStaff && !mayBook(resource.audience, booker.roles))
    throw new AppError('booking_not_for_you', 403);
  if (!booker.byStaff) {
    const suspended = activeSuspension(await suspensionsOf(ctx.db, ctx.organizationId, userId), now);
    if (suspended) throw new AppError('booking_suspended', 403, { until: seoulClock(suspended.endsAt).date });
  }
  // Most losers of a rush arrive after the winner committed: they are answered without a transaction.
  const taken = await takenConflict(ctx, resource, wanted, now);
  if (taken) throw taken;
  try {
    return await ctx.db.transaction(async (tx) => {
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtextextended(${`booking:${resource.id}:${userId}`}, 0))`,
      );
      const date = seoulClock(wanted.start).date;
      const [{ day }] = await placeCalendar(tx, ctx.organizationId, resource.placeId, date, 1, ctx.locale);
      const usage = await usageOf(tx, ctx.organizationId, resource.id, userId, date, mondayOf(date));
      const refusal = checkBooking({
        rules: resource,
        roles: booker.roles,
        now,
        start: wanted.start,
        end: wanted.end,
        people: body.people,
        day,
        minutesThatDay: usage.minutes,
        bookingsThatWeek: usage.count,
        byStaff: booker.byStaff,
      });
      if (refusal)
        throw new AppError(refusal.code, refusal.code === 'booking_not_for_you' ? 403 : 422, refusal.params);
      const status = resource.approvalNeeded && !booker.byStaff ? 'requested' : 'confirmed';
      const [row] = await tx
        .insert(bookingBookings)
        .values({
          organizationId: ctx.organizationId,
          resourceId: resource.id,
          userId,
          period: rangeOf(wanted),
          status,
          purpose: body.purpose,
          people: body.people,
        })
        .returning({ id: bookingBookings.id });
      const needsApproval = status === 'requested';
      await writeAudit(tx, ctx, {
        action: booker.byStaff ? 'booking.book_for' : needsApproval ? 'booking.request' : 'booking.book',
        targetType: 'booking.booking',
        targetId: row.id,
        data: { resourceId: resource.id, start: wanted.start.toISOString(), end: wanted.end.toISOString() },
      });
      if (booker.byStaff)
        await enqueueNotification(
          tx,
          {
            organizationId: ctx.organizationId,
            userId,
            kind: BOOKING_CHANGED,
            title: {
              ko: '담당자가 공간 예약을 대신 등록했습니다.',
              en: 'Staff have booked a space for you.',
            },
            body: { ko: '내 예약에서 확인해 주십시오.', en: 'See it under My bookings.' },
            link: '/booking/mine',
          },
          ctx.jobs,
        );
      return row.id;
    });
  } catch (err) {
    if (isOverlap(err))
      throw (
        (await takenConflict(ctx, resource, wanted, now)) ??
        new AppError('booking_taken', 409, {}, { nearest: [] })
      );
    throw err;
  }
}

/** The signed-in person books for themselves. */
export async function book(ctx: SignedInCtx, body: BookingBody, now = new Date()): Promise<Booking> {
  const booker = { userId: ctx.actor.userId, roles: ctx.actor.roles, byStaff: false };
  return findMyBooking(ctx, await placeBooking(ctx, booker, body, now), now);
}

/** Staff book for a person of the organization (named by email), confirmed at once; the person is told. */
export async function bookFor(ctx: SignedInCtx, body: StaffBookingBody, now = new Date()) {
  const { email, ...booking } = body;
  const user = await findUserByEmail(ctx, email);
  const [member] = user
    ? await ctx.db
        .select({ role: memberships.role })
        .from(memberships)
        .where(forOrg(memberships, ctx, eq(memberships.userId, user.id)))
        .limit(1)
    : [];
  if (!user || !member) throw new AppError('booking_person_not_found', 404);
  const id = await placeBooking(ctx, { userId: user.id, roles: new Set(), byStaff: true }, booking, now);
  return { id, status: 'confirmed' as const };
}

async function lockBooking(tx: DbOrTx, organizationId: string, id: string) {
  const [row] = await tx
    .select({
      id: bookingBookings.id,
      userId: bookingBookings.userId,
      resourceId: bookingBookings.resourceId,
      status: bookingBookings.status,
      start: periodStart,
      end: periodEnd,
    })
    .from(bookingBookings)
    .where(forOrg(bookingBookings, organizationId, eq(bookingBookings.id, id)))
    .for('update');
  return row ? { ...row, start: new Date(row.start), end: new Date(row.end) } : undefined;
}

/** The person cancels their own booking, until the resource's deadline before it starts. */
export async function cancelMine(ctx: SignedInCtx, id: string, now = new Date()): Promise<Booking> {
  await ctx.db.transaction(async (tx) => {
    const row = await lockBooking(tx, ctx.organizationId, id);
    if (!row || row.userId !== ctx.actor.userId || row.status === 'blocked')
      throw new AppError('booking_not_found', 404);
    if (row.status === 'cancelled') throw new AppError('booking_already_cancelled', 409);
    const resource = await findResource(tx, ctx.organizationId, row.resourceId);
    if (!mayCancelNow(row.status, row.start, resource.cancelDeadlineMinutes, now))
      throw new AppError('booking_cancel_too_late', 409, { minutes: resource.cancelDeadlineMinutes });
    await tx
      .update(bookingBookings)
      .set({ status: 'cancelled', cancelledAt: now, cancelledBy: ctx.actor.userId })
      .where(forOrg(bookingBookings, ctx, eq(bookingBookings.id, id)));
    await writeAudit(tx, ctx, { action: 'booking.cancel', targetType: 'booking.booking', targetId: id });
  });
  return findMyBooking(ctx, id, now);
}

/** Staff cancel a booking (or lift a block) with a reason; the person is told. */
export async function staffCancel(ctx: SignedInCtx, id: string, body: CancelBody, now = new Date()) {
  await ctx.db.transaction(async (tx) => {
    const row = await lockBooking(tx, ctx.organizationId, id);
    if (!row) throw new AppError('booking_not_found', 404);
    if (row.status === 'cancelled') throw new AppError('booking_already_cancelled', 409);
    await tx
      .update(bookingBookings)
      .set({
        status: 'cancelled',
        cancelledAt: now,
        cancelledBy: ctx.actor.userId,
        cancelReason: body.reason,
      })
      .where(forOrg(bookingBookings, ctx, eq(bookingBookings.id, id)));
    const wasBlock = row.status === 'blocked';
    await writeAudit(tx, ctx, {
      action: wasBlock ? 'booking.unblock' : 'booking.staff_cancel',
      targetType: 'booking.booking',
      targetId: id,
      data: { reason: body.reason },
    });
    if (row.userId && row.status !== 'blocked')
      await enqueueNotification(
        tx,
        {
          organizationId: ctx.organizationId,
          userId: row.userId,
          kind: BOOKING_CHANGED,
          title: { ko: '공간 예약이 취소되었습니다.', en: 'Your booking has been cancelled.' },
          body: { ko: `취소 사유: ${body.reason}`, en: `Reason given by staff: ${body.reason}` },
          link: '/booking/mine',
        },
        ctx.jobs,
      );
  });
  return { ok: true as const };
}

/** Staff approve a booking awaiting approval; the person is told. */
export async function approve(ctx: SignedInCtx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const row = await lockBooking(tx, ctx.organizationId, id);
    if (!row) throw new AppError('booking_not_found', 404);
    if (row.status !== 'requested') throw new AppError('booking_not_waiting', 409);
    await tx
      .update(bookingBookings)
      .set({ status: 'confirmed' })
      .where(forOrg(bookingBookings, ctx, eq(bookingBookings.id, id)));
    await writeAudit(tx, ctx, { action: 'booking.approve', targetType: 'booking.booking', targetId: id });
    if (row.userId)
      await enqueueNotification(
        tx,
        {
          organizationId: ctx.organizationId,
          userId: row.userId,
          kind: BOOKING_CHANGED,
          title: { ko: '공간 예약이 승인되었습니다.', en: 'Your booking has been approved.' },
          body: { ko: '내 예약에서 확인해 주십시오.', en: 'See it under My bookings.' },
          link: '/booking/mine',
        },
        ctx.jobs,
      );
  });
  return { ok: true as const };
}

/**
 * Staff block a period (maintenance, an event): a row of status 'blocked', so the same constraint
 * refuses it over any active booking (409 with how many are in the way; staff cancel them first).
 */
export async function block(ctx: SignedInCtx, body: BlockBody) {
  const period = { start: new Date(body.start), end: new Date(body.end) };
  if (!(period.end.getTime() > period.start.getTime())) throw new AppError('booking_bad_period', 422);
  try {
    return await ctx.db.transaction(async (tx) => {
      const resource = await findResource(tx, ctx.organizationId, body.resourceId);
      const [row] = await tx
        .insert(bookingBookings)
        .values({
          organizationId: ctx.organizationId,
          resourceId: resource.id,
          userId: ctx.actor.userId,
          period: rangeOf(period),
          status: 'blocked',
          purpose: body.reason,
        })
        .returning({ id: bookingBookings.id });
      await writeAudit(tx, ctx, {
        action: 'booking.block',
        targetType: 'booking.booking',
        targetId: row.id,
        data: { resourceId: resource.id, start: period.start.toISOString(), end: period.end.toISOString() },
      });
      return { id: row.id };
    });
  } catch (err) {
    if (!isOverlap(err)) throw err;
    const [{ count }] = await ctx.db
      .select({ count: sql<number>`count(*)::int` })
      .from(bookingBookings)
      .where(
        forOrg(
          bookingBookings,
          ctx,
          eq(bookingBookings.resourceId, body.resourceId),
          activeStatus,
          sql`${bookingBookings.period} && ${rangeOf(period)}`,
        ),
      );
    throw new AppError('booking_block_overlaps', 409, { count: Number(count) });
  }
}

/**
 * Staff check a person in, by the code of their QR (scanned or typed) or from today's list: only a
 * confirmed booking, once, inside its window (10 minutes before the start until the no-show
 * cut-off). Audited; the answer names the person, so the read is access-logged.
 */
export async function checkIn(
  ctx: SignedInCtx,
  by: { code: string; placeId?: string } | { id: string },
  route: string,
  now = new Date(),
): Promise<CheckinResult> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: bookingBookings.id,
        userId: bookingBookings.userId,
        status: bookingBookings.status,
        start: periodStart,
        end: periodEnd,
        checkedInAt: bookingBookings.checkedInAt,
        noShowAt: bookingBookings.noShowAt,
        noShowMinutes: bookingResources.noShowMinutes,
        resourceKo: bookingResources.nameKo,
        resourceEn: bookingResources.nameEn,
        placeId: bookingResources.placeId,
        bookedBy: users.displayName,
      })
      .from(bookingBookings)
      .innerJoin(bookingResources, eq(bookingResources.id, bookingBookings.resourceId))
      .leftJoin(users, eq(users.id, bookingBookings.userId))
      .where(
        forOrg(
          bookingBookings,
          ctx,
          'code' in by ? eq(bookingBookings.checkinCode, by.code) : eq(bookingBookings.id, by.id),
        ),
      )
      .for('update', { of: bookingBookings });
    if (!row || row.status === 'blocked') throw new AppError('booking_checkin_unknown', 404);
    // A place's kiosk takes the bookings of that place only.
    if ('placeId' in by && by.placeId && row.placeId !== by.placeId)
      throw new AppError('booking_checkin_other_place', 409);
    if (row.checkedInAt) throw new AppError('booking_already_checked_in', 409);
    if (row.status !== 'confirmed') throw new AppError('booking_checkin_not_confirmed', 409);
    const start = new Date(row.start);
    const refusal = row.noShowAt ? 'booking_checkin_too_late' : checkinRefusal(now, start, row.noShowMinutes);
    if (refusal) throw new AppError(refusal, 409);
    await tx
      .update(bookingBookings)
      .set({ checkedInAt: now, checkedInBy: ctx.actor.userId })
      .where(forOrg(bookingBookings, ctx, eq(bookingBookings.id, row.id)));
    await writeAudit(tx, ctx, {
      action: 'booking.check_in',
      targetType: 'booking.booking',
      targetId: row.id,
      data: { by: 'code' in by ? 'code' : 'list' },
    });
    if (row.userId)
      await logPersonalDataAccessOf(tx, ctx, [row.userId], {
        fields: ['displayName'],
        reason: 'booking.bookings.list',
        route,
      });
    const [place] = await placeNames(tx, ctx.organizationId, row.placeId);
    return {
      id: row.id,
      bookedBy: row.bookedBy,
      resourceName: ctx.locale === 'en' ? row.resourceEn : row.resourceKo,
      placeName: ctx.locale === 'en' ? place.nameEn : place.nameKo,
      start: start.toISOString(),
      end: new Date(row.end).toISOString(),
      checkedInAt: now.toISOString(),
    };
  });
}

/** The person appeals their suspension in force, once, with a short text. */
export async function appeal(ctx: SignedInCtx, body: AppealBody, now = new Date()): Promise<Suspension> {
  return ctx.db.transaction(async (tx) => {
    const active = activeSuspension(await suspensionsOf(tx, ctx.organizationId, ctx.actor.userId), now);
    if (!active) throw new AppError('booking_not_suspended', 404);
    if (active.appealText !== null) throw new AppError('booking_appeal_exists', 409);
    const [row] = await tx
      .update(bookingSuspensions)
      .set({ appealText: body.text, appealedAt: now, appealStatus: 'pending' })
      .where(
        forOrg(
          bookingSuspensions,
          ctx,
          eq(bookingSuspensions.id, active.id),
          sql`${bookingSuspensions.appealText} is null`,
        ),
      )
      .returning();
    if (!row) throw new AppError('booking_appeal_exists', 409);
    await writeAudit(tx, ctx, {
      action: 'booking.appeal',
      targetType: 'booking.suspension',
      targetId: row.id,
    });
    return presentSuspension(row);
  });
}

/**
 * Staff decide an appeal: lift the suspension (it ends now) or reject the appeal (it runs its term),
 * each with a reason the person is told. Audited.
 */
export async function decideAppeal(
  ctx: SignedInCtx,
  id: string,
  lift: boolean,
  body: AppealDecisionBody,
  now = new Date(),
) {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(bookingSuspensions)
      .where(forOrg(bookingSuspensions, ctx, eq(bookingSuspensions.id, id)))
      .for('update');
    if (!row) throw new AppError('booking_suspension_not_found', 404);
    if (row.appealStatus !== 'pending') throw new AppError('booking_appeal_not_pending', 409);
    await tx
      .update(bookingSuspensions)
      .set({
        appealStatus: lift ? 'lifted' : 'rejected',
        decisionReason: body.reason,
        decidedBy: ctx.actor.userId,
        decidedAt: now,
        ...(lift ? { liftedAt: now, liftedBy: ctx.actor.userId } : {}),
      })
      .where(forOrg(bookingSuspensions, ctx, eq(bookingSuspensions.id, id)));
    await writeAudit(tx, ctx, {
      action: lift ? 'booking.suspension_lift' : 'booking.appeal_reject',
      targetType: 'booking.suspension',
      targetId: id,
      data: { reason: body.reason },
    });
    const until = seoulClock(row.endsAt).date;
    await enqueueNotification(
      tx,
      {
        organizationId: ctx.organizationId,
        userId: row.userId,
        kind: BOOKING_CHANGED,
        title: lift
          ? { ko: '공간 예약 정지가 풀렸습니다.', en: 'Your booking suspension has been lifted.' }
          : {
              ko: `이의 신청이 받아들여지지 않아 ${until}까지 예약이 정지됩니다.`,
              en: `Your appeal was not accepted: booking stays suspended until ${until}.`,
            },
        body: { ko: `담당자 답변: ${body.reason}`, en: `Staff's answer: ${body.reason}` },
        link: '/booking/mine',
      },
      ctx.jobs,
    );
  });
  return { ok: true as const };
}
