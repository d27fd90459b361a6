import { randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { IdParams, Resource } from '../../../contracts/booking.ts';
import { ResourceCreateBody, RetireAnswer } from '../../../contracts/booking-resources-lifecycle.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import { forOrg } from '../../platform/db/tenant.ts';
import { AppError } from '../../platform/errors.ts';
import { routes, type SignedInCtx } from '../../platform/http.ts';
import type { Catalog } from '../../platform/i18n/messages.ts';
import { findResource, presentResource } from './queries.ts';
import { bookingBookings, bookingPlaces, bookingResources } from './tables.ts';

// Staff add a room, desk or vehicle to a place, and retire one (issue 10). Retiring sets the
// resource inactive: every booking query already reads active resources only, so new bookings are
// refused (404) while past bookings stay for history and the usage statistics. Bookings still ahead
// are left for staff to cancel with a reason, so each person is told; the answer counts them.

export const resourcesLifecycleMessages: Catalog = {
  'audit.action.booking.resource_create': { ko: '예약 공간 추가', en: 'Bookable resource added' },
  'audit.action.booking.resource_retire': { ko: '예약 공간 운영 종료', en: 'Bookable resource retired' },
};

/** Staff add a resource at the end of its place's list; its code is generated (never shown). */
export async function createResource(ctx: SignedInCtx, body: ResourceCreateBody): Promise<Resource> {
  const [place] = await ctx.db
    .select({ id: bookingPlaces.id })
    .from(bookingPlaces)
    .where(forOrg(bookingPlaces, ctx, eq(bookingPlaces.id, body.placeId)));
  if (!place) throw new AppError('booking_place_not_found', 404);
  const id = await ctx.db.transaction(async (tx) => {
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${bookingResources.sortOrder}), 0) + 1`.mapWith(Number) })
      .from(bookingResources)
      .where(forOrg(bookingResources, ctx, eq(bookingResources.placeId, body.placeId)));
    const [row] = await tx
      .insert(bookingResources)
      .values({
        organizationId: ctx.organizationId,
        placeId: body.placeId,
        code: `r-${randomBytes(6).toString('hex')}`,
        nameKo: body.nameKo,
        nameEn: body.nameEn,
        kind: body.kind,
        sortOrder: next,
        ...body.rules,
      })
      .returning({ id: bookingResources.id });
    await writeAudit(tx, ctx, {
      action: 'booking.resource_create',
      targetType: 'booking.resource',
      targetId: row.id,
      data: { name: body.nameKo, kind: body.kind, capacity: body.rules.capacity },
    });
    return row.id;
  });
  return presentResource(await findResource(ctx.db, ctx.organizationId, id), ctx.locale);
}

/** Staff retire an active resource; a second retire is a 404 (it is no longer found). */
export async function retireResource(ctx: SignedInCtx, id: string, now = new Date()): Promise<RetireAnswer> {
  return ctx.db.transaction(async (tx) => {
    const before = await findResource(tx, ctx.organizationId, id);
    await tx
      .update(bookingResources)
      .set({ active: false })
      .where(forOrg(bookingResources, ctx, eq(bookingResources.id, id)));
    const [{ ahead }] = await tx
      .select({ ahead: sql<number>`count(*)`.mapWith(Number) })
      .from(bookingBookings)
      .where(
        forOrg(
          bookingBookings,
          ctx,
          and(
            eq(bookingBookings.resourceId, id),
            inArray(bookingBookings.status, ['requested', 'confirmed']),
            gt(sql`upper(${bookingBookings.period})`, now),
          ),
        ),
      );
    await writeAudit(tx, ctx, {
      action: 'booking.resource_retire',
      targetType: 'booking.resource',
      targetId: id,
      data: { name: before.nameKo, bookingsAhead: ahead },
    });
    return { id, bookingsAhead: ahead };
  });
}

const tags = ['booking'];
const manage = { action: 'booking.manage' };

export const resourcesLifecycleRoutes = routes((app) => {
  app.post(
    '/api/v1/booking/staff/resources',
    { config: { access: manage }, schema: { tags, body: ResourceCreateBody, response: { 200: Resource } } },
    async (req) => createResource(req.ctx, req.body),
  );
  app.post(
    '/api/v1/booking/staff/resources/:id/retire',
    { config: { access: manage }, schema: { tags, params: IdParams, response: { 200: RetireAnswer } } },
    async (req) => retireResource(req.ctx, req.params.id),
  );
});
