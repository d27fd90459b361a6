import { asc, eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { ProgramIdParams } from '../../../../contracts/booking-programs.ts';
import { DrawList, DrawListQuery, StaffProgramEdit } from '../../../../contracts/booking-programs-staff.ts';
import { users } from '../../../platform/auth/tables.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { routes, type SignedInCtx } from '../../../platform/http.ts';
import type { Catalog } from '../../../platform/i18n/messages.ts';
import { logPersonalDataAccessOf } from '../../../platform/privacy/access-log.ts';
import { maskName } from '../../../platform/privacy/masking.ts';
import { findProgram, getDraw } from './queries.ts';
import { bookingProgramSessions, bookingRegistrations } from './tables.ts';

// Staff reads for the session-management and lottery pages (issue 10): a program's fields in both
// languages to edit it (the public view holds one language only), and the draw's winners and
// waiting list in drawn order with masked names — enough to read out, never a full name.

export const staffViewMessages: Catalog = {
  'access.reason.booking.draw.list': {
    ko: '추첨 결과 확인 (가린 이름)',
    en: 'Lottery result read (masked names)',
  },
};

/** The program's every field as staff wrote them, with its sessions in time order. */
export async function staffProgramEdit(ctx: SignedInCtx, id: string): Promise<StaffProgramEdit> {
  const p = await findProgram(ctx.db, ctx.organizationId, id);
  const sessions = await ctx.db
    .select()
    .from(bookingProgramSessions)
    .where(forOrg(bookingProgramSessions, ctx, eq(bookingProgramSessions.programId, id)))
    .orderBy(asc(bookingProgramSessions.startsAt), asc(bookingProgramSessions.id));
  return {
    id: p.id,
    code: p.code,
    area: p.area,
    kind: p.kind,
    titleKo: p.titleKo,
    titleEn: p.titleEn,
    descriptionKo: p.descriptionKo,
    descriptionEn: p.descriptionEn,
    minAge: p.minAge,
    maxAge: p.maxAge,
    residentsOnly: p.residentsOnly,
    role: p.role,
    mode: p.mode,
    opensAt: p.opensAt.toISOString(),
    closesAt: p.closesAt.toISOString(),
    capacity: p.capacity,
    completionPercent: p.completionPercent,
    offerHours: p.offerHours,
    modeLocked: p.inputDigest !== null,
    sessions: sessions.map((s) => ({
      id: s.id,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      resourceId: s.resourceId,
      address: s.address,
      online: s.online,
    })),
  };
}

/** A page of the draw's winners or waiting list in drawn order; the masked names read are logged. */
export async function drawList(
  ctx: SignedInCtx,
  id: string,
  route: string,
  q: { list?: 'winners' | 'waiting'; limit?: number; offset?: number },
): Promise<DrawList> {
  const draw = await getDraw(ctx, id);
  const list = q.list ?? 'winners';
  const limit = q.limit ?? 20;
  const offset = q.offset ?? 0;
  const order = list === 'winners' ? draw.winners : draw.waitingList;
  const ids = order.slice(offset, offset + limit);
  const r = bookingRegistrations;
  const rows = await ctx.db.transaction(async (tx) => {
    const found =
      ids.length === 0
        ? []
        : await tx
            .select({ id: r.id, userId: r.userId, status: r.status, name: users.displayName })
            .from(r)
            .leftJoin(users, eq(users.id, r.userId))
            .where(forOrg(r, ctx, inArray(r.id, ids)));
    await logPersonalDataAccessOf(
      tx,
      ctx,
      found.filter((x) => x.userId).map((x) => x.userId as string),
      { fields: ['displayName'], reason: 'booking.draw.list', route },
    );
    return new Map(found.map((x) => [x.id, x]));
  });
  return {
    seed: draw.seed,
    algorithm: draw.algorithm,
    inputDigest: draw.inputDigest,
    drawnAt: draw.drawnAt,
    seats: draw.seats,
    applicants: draw.applicants.length,
    winners: draw.winners.length,
    waiting: draw.waitingList.length,
    list,
    items: ids.map((regId, i) => {
      const row = rows.get(regId);
      return {
        rank: offset + i + 1,
        name: row?.name ? maskName(row.name) : null,
        // A registration erased with its account leaves the draw's order intact; it counts as withdrawn.
        status: row?.status ?? 'cancelled',
      };
    }),
    nextOffset: offset + limit < order.length ? offset + limit : null,
  };
}

const tags = ['booking'];
const manage = { action: 'booking.programs.manage' };
const routeOf = (req: FastifyRequest) => `${req.method} ${req.routeOptions.url}`;

export const staffViewRoutes = routes((app) => {
  app.get(
    '/api/v1/booking/staff/programs/:id',
    {
      config: { access: manage },
      schema: { tags, params: ProgramIdParams, response: { 200: StaffProgramEdit } },
    },
    async (req) => staffProgramEdit(req.ctx, req.params.id),
  );
  app.get(
    '/api/v1/booking/staff/programs/:id/draw',
    {
      config: { access: manage },
      schema: { tags, params: ProgramIdParams, querystring: DrawListQuery, response: { 200: DrawList } },
    },
    async (req) => drawList(req.ctx, req.params.id, routeOf(req), req.query),
  );
});
