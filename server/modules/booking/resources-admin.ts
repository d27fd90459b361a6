import { and, asc, eq, gte } from 'drizzle-orm';
import { IdParams, Resource } from '../../../contracts/booking.ts';
import {
  ClosedDateParams,
  ClosedDatesBody,
  PlaceHoursBody,
  ResourceRulesBody,
  StaffPlace,
} from '../../../contracts/booking-admin.ts';
import { Ok } from '../../../contracts/common.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import { forOrg } from '../../platform/db/tenant.ts';
import { AppError } from '../../platform/errors.ts';
import { routes, type SignedInCtx } from '../../platform/http.ts';
import type { Catalog } from '../../platform/i18n/messages.ts';
import { addDays, daysBetween, todayInSeoul } from '../../platform/time/index.ts';
import { findResource, presentResource } from './queries.ts';
import { bookingClosedDates, bookingOpeningHours, bookingPlaces, bookingResources } from './tables.ts';

// Staff set each resource's booking rules and each place's opening hours and closed dates (issue 10).
// Changing them never touches a booking already made: a booking that falls outside new hours, on a
// new closed date, or beyond a lower limit stays as it is and still shows on the staff bookings page,
// where staff may cancel it with a reason (the person is then told). The new rules apply from the
// next booking attempt and to the slots everyone sees at once.

/** How many closed dates from today on the staff page lists (the rest are counted as "more"). */
const CLOSED_DATES_SHOWN = 100;

export const resourcesAdminMessages: Catalog = {
  'errors.booking_place_not_found': { ko: '장소를 찾을 수 없습니다.', en: 'The place was not found.' },
  'errors.booking_closed_date_not_found': {
    ko: '그날은 휴관일로 등록되어 있지 않습니다.',
    en: 'That day is not on the list of closed dates.',
  },
  'audit.action.booking.rules_change': { ko: '공간 예약 규칙 변경', en: 'Booking rules changed' },
  'audit.action.booking.hours_change': { ko: '장소 운영 시간 변경', en: 'Opening hours changed' },
  'audit.action.booking.closed_add': { ko: '장소 휴관일 추가', en: 'Closed dates added' },
  'audit.action.booking.closed_remove': { ko: '장소 휴관일 삭제', en: 'Closed date removed' },
  'audit.target.booking.resource': { ko: '예약 공간', en: 'Bookable resource' },
  'audit.target.booking.place': { ko: '예약 장소', en: 'Booking place' },
};

/** Staff change a resource's rules; the answer is the resource as residents now see it. */
export async function editRules(ctx: SignedInCtx, id: string, body: ResourceRulesBody): Promise<Resource> {
  await ctx.db.transaction(async (tx) => {
    const before = await findResource(tx, ctx.organizationId, id);
    await tx
      .update(bookingResources)
      .set(body)
      .where(forOrg(bookingResources, ctx, eq(bookingResources.id, id)));
    const changed = Object.fromEntries(
      (Object.keys(body) as Array<keyof ResourceRulesBody>)
        .filter((k) => before[k] !== body[k])
        .map((k) => [k, { from: before[k], to: body[k] }]),
    );
    await writeAudit(tx, ctx, {
      action: 'booking.rules_change',
      targetType: 'booking.resource',
      targetId: id,
      data: changed,
    });
  });
  return presentResource(await findResource(ctx.db, ctx.organizationId, id), ctx.locale);
}

async function findPlace(ctx: SignedInCtx, id: string) {
  const [place] = await ctx.db
    .select()
    .from(bookingPlaces)
    .where(forOrg(bookingPlaces, ctx, eq(bookingPlaces.id, id)));
  if (!place) throw new AppError('booking_place_not_found', 404);
  return place;
}

/** A place's week of hours and its closed dates from today on, for staff to edit. */
export async function staffPlace(ctx: SignedInCtx, id: string): Promise<StaffPlace> {
  const place = await findPlace(ctx, id);
  const [hours, closed] = await Promise.all([
    ctx.db
      .select()
      .from(bookingOpeningHours)
      .where(forOrg(bookingOpeningHours, ctx, eq(bookingOpeningHours.placeId, id)))
      .orderBy(asc(bookingOpeningHours.weekday)),
    ctx.db
      .select()
      .from(bookingClosedDates)
      .where(
        forOrg(
          bookingClosedDates,
          ctx,
          eq(bookingClosedDates.placeId, id),
          gte(bookingClosedDates.closedOn, todayInSeoul()),
        ),
      )
      .orderBy(asc(bookingClosedDates.closedOn))
      .limit(CLOSED_DATES_SHOWN + 1),
  ]);
  return {
    id: place.id,
    name: ctx.locale === 'en' ? place.nameEn : place.nameKo,
    hours: hours.map((h) => ({
      weekday: h.weekday,
      opens: h.opens.slice(0, 5),
      closes: h.closes.slice(0, 5),
    })),
    closedDates: closed
      .slice(0, CLOSED_DATES_SHOWN)
      .map((c) => ({ date: c.closedOn, reasonKo: c.reasonKo, reasonEn: c.reasonEn })),
    more: closed.length > CLOSED_DATES_SHOWN,
  };
}

/** Staff replace a place's week of opening hours (a weekday left out is closed). */
export async function editHours(ctx: SignedInCtx, id: string, body: PlaceHoursBody): Promise<StaffPlace> {
  await findPlace(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(bookingOpeningHours)
      .where(forOrg(bookingOpeningHours, ctx, eq(bookingOpeningHours.placeId, id)));
    if (body.hours.length > 0)
      await tx.insert(bookingOpeningHours).values(
        body.hours.map((h) => ({
          organizationId: ctx.organizationId,
          placeId: id,
          weekday: h.weekday,
          opens: h.opens,
          // PostgreSQL's time type holds 24:00:00, the end of the day.
          closes: h.closes,
        })),
      );
    await writeAudit(tx, ctx, {
      action: 'booking.hours_change',
      targetType: 'booking.place',
      targetId: id,
      data: { hours: body.hours },
    });
  });
  return staffPlace(ctx, id);
}

/** Staff close a place from one date to another (a date already closed takes the new reason). */
export async function addClosedDates(
  ctx: SignedInCtx,
  id: string,
  body: ClosedDatesBody,
): Promise<StaffPlace> {
  await findPlace(ctx, id);
  const dates = Array.from({ length: daysBetween(body.from, body.to) + 1 }, (_, i) => addDays(body.from, i));
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(bookingClosedDates)
      .values(
        dates.map((closedOn) => ({
          organizationId: ctx.organizationId,
          placeId: id,
          closedOn,
          reasonKo: body.reasonKo,
          reasonEn: body.reasonEn,
        })),
      )
      .onConflictDoUpdate({
        target: [bookingClosedDates.placeId, bookingClosedDates.closedOn],
        set: { reasonKo: body.reasonKo, reasonEn: body.reasonEn },
      });
    await writeAudit(tx, ctx, {
      action: 'booking.closed_add',
      targetType: 'booking.place',
      targetId: id,
      data: { from: body.from, to: body.to, reason: body.reasonKo },
    });
  });
  return staffPlace(ctx, id);
}

/** Staff open a closed date again. */
export async function removeClosedDate(ctx: SignedInCtx, id: string, date: string) {
  await findPlace(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(bookingClosedDates)
      .where(
        forOrg(
          bookingClosedDates,
          ctx,
          and(eq(bookingClosedDates.placeId, id), eq(bookingClosedDates.closedOn, date)),
        ),
      )
      .returning({ date: bookingClosedDates.closedOn });
    if (removed.length === 0) throw new AppError('booking_closed_date_not_found', 404);
    await writeAudit(tx, ctx, {
      action: 'booking.closed_remove',
      targetType: 'booking.place',
      targetId: id,
      data: { date },
    });
  });
  return { ok: true as const };
}

const tags = ['booking'];
const manage = { action: 'booking.manage' };

export const resourcesAdminRoutes = routes((app) => {
  app.get(
    '/api/v1/booking/staff/resources/:id',
    { config: { access: manage }, schema: { tags, params: IdParams, response: { 200: Resource } } },
    async (req) =>
      presentResource(await findResource(req.ctx.db, req.ctx.organizationId, req.params.id), req.ctx.locale),
  );
  app.put(
    '/api/v1/booking/staff/resources/:id',
    {
      config: { access: manage },
      schema: { tags, params: IdParams, body: ResourceRulesBody, response: { 200: Resource } },
    },
    async (req) => editRules(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/v1/booking/staff/places/:id',
    { config: { access: manage }, schema: { tags, params: IdParams, response: { 200: StaffPlace } } },
    async (req) => staffPlace(req.ctx, req.params.id),
  );
  app.put(
    '/api/v1/booking/staff/places/:id/hours',
    {
      config: { access: manage },
      schema: { tags, params: IdParams, body: PlaceHoursBody, response: { 200: StaffPlace } },
    },
    async (req) => editHours(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/v1/booking/staff/places/:id/closed-dates',
    {
      config: { access: manage },
      schema: { tags, params: IdParams, body: ClosedDatesBody, response: { 200: StaffPlace } },
    },
    async (req) => addClosedDates(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/v1/booking/staff/places/:id/closed-dates/:date',
    {
      config: { access: manage },
      schema: { tags, params: ClosedDateParams, response: { 200: Ok } },
    },
    async (req) => removeClosedDate(req.ctx, req.params.id, req.params.date),
  );
});
