import { and, asc, desc, eq, gt, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  ACTIVE_REGISTRATION_STATUSES,
  type Draw,
  type MyRegistration,
  type Program,
  type ProgramArea,
  type ProgramKind,
  type ProgramSummary,
  type Session,
} from '../../../../contracts/booking-programs.ts';
import { users } from '../../../platform/auth/tables.ts';
import { type DbOrTx, queryRows } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Ctx, SignedInCtx } from '../../../platform/http.ts';
import { cursorKey, decodeCursor, pageOf } from '../../../platform/paging/cursor.ts';
import { logPersonalDataAccessOf } from '../../../platform/privacy/access-log.ts';
import { startOfDayInSeoul, todayInSeoul } from '../../../platform/time/index.ts';
import { bookingResources } from '../tables.ts';
import {
  bookingAttendance,
  bookingLotteryDraws,
  bookingProgramSessions,
  bookingPrograms,
  bookingRegistrations,
  bookingSurveys,
} from './tables.ts';
import type { SeatState } from './waiting-list.ts';

export type ProgramRow = typeof bookingPrograms.$inferSelect;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function findProgram(db: DbOrTx, organizationId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(bookingPrograms)
    .where(forOrg(bookingPrograms, organizationId, eq(bookingPrograms.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('program_not_found', 404);
  return row;
}

/**
 * The seats of a program as waiting-list.ts sees them, with the active registrations; read inside
 * the transaction that holds the program row. The "people" are registration ids, so sample rows
 * and rows of deleted accounts (no user) keep their place in line like anyone else's.
 */
export async function seatState(db: DbOrTx, program: ProgramRow) {
  const rows = await db
    .select({
      id: bookingRegistrations.id,
      userId: bookingRegistrations.userId,
      status: bookingRegistrations.status,
      queueNumber: bookingRegistrations.queueNumber,
      offeredUntil: bookingRegistrations.offeredUntil,
      createdAt: bookingRegistrations.createdAt,
    })
    .from(bookingRegistrations)
    .where(
      forOrg(
        bookingRegistrations,
        program.organizationId,
        eq(bookingRegistrations.programId, program.id),
        inArray(bookingRegistrations.status, [...ACTIVE_REGISTRATION_STATUSES]),
      ),
    )
    .orderBy(asc(bookingRegistrations.queueNumber), asc(bookingRegistrations.createdAt));
  const state: SeatState = {
    capacity: program.capacity,
    confirmed: rows.filter((r) => r.status === 'confirmed').length,
    offers: rows
      .filter((r) => r.status === 'offered')
      .map((r) => ({ personId: r.id, confirmBy: r.offeredUntil as Date }))
      .sort((a, b) => a.confirmBy.getTime() - b.confirmBy.getTime()),
    waiting: rows.filter((r) => r.status === 'waiting').map((r) => r.id),
  };
  const maxQueue = rows.reduce((m, r) => Math.max(m, r.queueNumber ?? 0), 0);
  return { state, rows, maxQueue };
}

/** Per program: confirmed, offered and waiting counts (one query for a page of programs). */
async function countsOf(db: DbOrTx, organizationId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, { held: number; waiting: number }>();
  const rows = await db
    .select({
      programId: bookingRegistrations.programId,
      held: sql<number>`count(*) filter (where ${bookingRegistrations.status} in ('confirmed', 'offered'))::int`,
      waiting: sql<number>`count(*) filter (where ${bookingRegistrations.status} = 'waiting')::int`,
    })
    .from(bookingRegistrations)
    .where(forOrg(bookingRegistrations, organizationId, inArray(bookingRegistrations.programId, ids)))
    .groupBy(bookingRegistrations.programId);
  return new Map(rows.map((r) => [r.programId, { held: Number(r.held), waiting: Number(r.waiting) }]));
}

// The outer table is named in full: in a select list Drizzle prints a column without its table,
// which the subquery would read as its own. to_json gives ISO 8601 on both engines.
const firstSession = sql<
  string | null
>`(select to_json(min(s.starts_at)) #>> '{}' from booking_program_sessions s
  where s.program_id = booking_programs.id)`;
const lastSession = sql<
  string | null
>`(select to_json(max(s.ends_at)) #>> '{}' from booking_program_sessions s
  where s.program_id = booking_programs.id)`;
const asIso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

function summary(
  p: ProgramRow & { first: string | Date | null; last: string | Date | null },
  counts: { held: number; waiting: number } | undefined,
  locale: string,
): ProgramSummary {
  const held = counts?.held ?? 0;
  return {
    id: p.id,
    code: p.code,
    area: p.area,
    kind: p.kind,
    title: locale === 'en' ? p.titleEn : p.titleKo,
    mode: p.mode,
    opensAt: p.opensAt.toISOString(),
    closesAt: p.closesAt.toISOString(),
    capacity: p.capacity,
    seatsLeft: Math.max(0, p.capacity - held),
    registered: held,
    waiting: counts?.waiting ?? 0,
    firstSession: asIso(p.first),
    lastSession: asIso(p.last),
    sample: p.isSample,
  };
}

const ListCursor = z.tuple([cursorKey.timestamp, cursorKey.uuid]);

/** Programs by when registration opens (newest first), filtered by area and kind; past ones on request. */
export async function listPrograms(
  ctx: Ctx,
  q: { area?: ProgramArea; kind?: ProgramKind; past?: 'true' | 'false'; limit?: number; cursor?: string },
  now = new Date(),
) {
  const limit = q.limit ?? 20;
  const conditions: (SQL | undefined)[] = [
    q.area ? eq(bookingPrograms.area, q.area) : undefined,
    q.kind ? eq(bookingPrograms.kind, q.kind) : undefined,
    q.past === 'true'
      ? undefined
      : sql`coalesce((${lastSession})::timestamptz, ${bookingPrograms.closesAt}) > ${now.toISOString()}`,
  ];
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, ListCursor);
    conditions.push(
      or(
        lt(bookingPrograms.opensAt, new Date(at)),
        and(eq(bookingPrograms.opensAt, new Date(at)), gt(bookingPrograms.id, id)),
      ),
    );
  }
  const rows = await ctx.db
    .select({ ...programColumns, first: firstSession, last: lastSession })
    .from(bookingPrograms)
    .where(forOrg(bookingPrograms, ctx, ...conditions))
    .orderBy(desc(bookingPrograms.opensAt), asc(bookingPrograms.id))
    .limit(limit + 1);
  const counts = await countsOf(
    ctx.db,
    ctx.organizationId,
    rows.map((r) => r.id),
  );
  return pageOf(
    rows,
    limit,
    (r) => [r.opensAt.toISOString(), r.id],
    (r) => summary(r, counts.get(r.id), ctx.locale),
  );
}

const programColumns = {
  id: bookingPrograms.id,
  organizationId: bookingPrograms.organizationId,
  code: bookingPrograms.code,
  area: bookingPrograms.area,
  kind: bookingPrograms.kind,
  titleKo: bookingPrograms.titleKo,
  titleEn: bookingPrograms.titleEn,
  descriptionKo: bookingPrograms.descriptionKo,
  descriptionEn: bookingPrograms.descriptionEn,
  minAge: bookingPrograms.minAge,
  maxAge: bookingPrograms.maxAge,
  residentsOnly: bookingPrograms.residentsOnly,
  role: bookingPrograms.role,
  mode: bookingPrograms.mode,
  opensAt: bookingPrograms.opensAt,
  closesAt: bookingPrograms.closesAt,
  capacity: bookingPrograms.capacity,
  completionPercent: bookingPrograms.completionPercent,
  offerHours: bookingPrograms.offerHours,
  inputDigest: bookingPrograms.inputDigest,
  minutes: bookingPrograms.minutes,
  minutesEn: bookingPrograms.minutesEn,
  minutesPublishedAt: bookingPrograms.minutesPublishedAt,
  isSample: bookingPrograms.isSample,
  createdAt: bookingPrograms.createdAt,
  updatedAt: bookingPrograms.updatedAt,
};

export async function sessionsOf(db: DbOrTx, organizationId: string, programId: string, locale: string) {
  const rows = await db
    .select({
      id: bookingProgramSessions.id,
      startsAt: bookingProgramSessions.startsAt,
      endsAt: bookingProgramSessions.endsAt,
      resourceId: bookingProgramSessions.resourceId,
      address: bookingProgramSessions.address,
      online: bookingProgramSessions.online,
      roomKo: bookingResources.nameKo,
      roomEn: bookingResources.nameEn,
    })
    .from(bookingProgramSessions)
    .leftJoin(bookingResources, eq(bookingResources.id, bookingProgramSessions.resourceId))
    .where(forOrg(bookingProgramSessions, organizationId, eq(bookingProgramSessions.programId, programId)))
    .orderBy(asc(bookingProgramSessions.startsAt));
  return rows.map(
    (s): Session => ({
      id: s.id,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      resourceId: s.resourceId,
      place: (locale === 'en' ? s.roomEn : s.roomKo) ?? s.address,
      online: s.online,
    }),
  );
}

/** One program with its sessions and seats left (public). */
export async function getProgram(ctx: Ctx, id: string): Promise<Program> {
  const [row] = await ctx.db
    .select({ ...programColumns, first: firstSession, last: lastSession })
    .from(bookingPrograms)
    .where(forOrg(bookingPrograms, ctx, eq(bookingPrograms.id, id)));
  if (!row) throw new AppError('program_not_found', 404);
  const counts = await countsOf(ctx.db, ctx.organizationId, [id]);
  const [drawn] = await ctx.db
    .select({ id: bookingLotteryDraws.id })
    .from(bookingLotteryDraws)
    .where(forOrg(bookingLotteryDraws, ctx, eq(bookingLotteryDraws.programId, id)));
  return {
    ...summary(row, counts.get(id), ctx.locale),
    description: ctx.locale === 'en' ? row.descriptionEn : row.descriptionKo,
    minAge: row.minAge,
    maxAge: row.maxAge,
    residentsOnly: row.residentsOnly,
    role: row.role,
    completionPercent: row.completionPercent,
    offerHours: row.offerHours,
    inputDigest: row.inputDigest,
    drawn: Boolean(drawn),
    sessions: await sessionsOf(ctx.db, ctx.organizationId, id, ctx.locale),
    minutes: row.minutes,
    minutesEn: row.minutesEn,
    minutesPublishedAt: row.minutesPublishedAt?.toISOString() ?? null,
  };
}

/**
 * 1-based places in their program's waiting list of the given registrations (those waiting), by
 * registration id. Counted in the database: only the asked rows come back, not the whole list (at a
 * rush, every answer to a person waiting asked this, and the list was thousands long).
 */
async function positionsOf(
  db: DbOrTx,
  organizationId: string,
  regs: { id: string; programId: string; status: string }[],
) {
  const waiting = regs.filter((x) => x.status === 'waiting');
  const positions = new Map<string, number>();
  if (waiting.length === 0) return positions;
  const r = bookingRegistrations;
  // Counted per person in the waiting index (migration 0129): those still waiting up to their number.
  const ranked = await queryRows<{ id: string; position: number | string }>(
    db,
    sql`select x.id, (
      select count(*) from ${r} w
      where w.program_id = x.program_id and w.status = 'waiting' and w.queue_number <= x.queue_number
    ) as position
    from ${r} x
    where x.organization_id = ${organizationId} and x.status = 'waiting' and x.id in (${sql.join(
      waiting.map((x) => sql`${x.id}::uuid`),
      sql`, `,
    )})`,
  );
  for (const row of ranked) positions.set(row.id, Number(row.position));
  return positions;
}

/** The signed-in person's registrations, newest first (one program when `programId` is given). */
export async function listMyRegistrations(
  ctx: SignedInCtx,
  programId?: string,
  now = new Date(),
): Promise<MyRegistration[]> {
  const rows = await ctx.db
    .select({
      id: bookingRegistrations.id,
      programId: bookingRegistrations.programId,
      titleKo: bookingPrograms.titleKo,
      titleEn: bookingPrograms.titleEn,
      status: bookingRegistrations.status,
      offeredUntil: bookingRegistrations.offeredUntil,
      checkinCode: bookingRegistrations.checkinCode,
      createdAt: bookingRegistrations.createdAt,
    })
    .from(bookingRegistrations)
    .innerJoin(bookingPrograms, eq(bookingPrograms.id, bookingRegistrations.programId))
    .where(
      forOrg(
        bookingRegistrations,
        ctx,
        eq(bookingRegistrations.userId, ctx.actor.userId),
        programId ? eq(bookingRegistrations.programId, programId) : undefined,
      ),
    )
    .orderBy(desc(bookingRegistrations.createdAt));
  return describeRegistrations(ctx.db, ctx, rows, now);
}

/** A registration as read for its owner: what `describeRegistrations` turns into the answer. */
export interface OwnRegistrationRow {
  id: string;
  programId: string;
  titleKo: string;
  titleEn: string;
  status: MyRegistration['status'];
  offeredUntil: Date | null;
  checkinCode: string | null;
  createdAt: Date;
}

/**
 * The owner's view of their registrations: place in line, progress, survey and today's check-in.
 * `known` gives places in line already counted (a registering batch knows them), so they are not
 * counted again.
 */
export async function describeRegistrations(
  db: DbOrTx,
  who: { organizationId: string; locale: string },
  rows: OwnRegistrationRow[],
  now: Date,
  known?: Map<string, number>,
): Promise<MyRegistration[]> {
  const positions = known ?? (await positionsOf(db, who.organizationId, rows));
  const confirmed = rows.filter((r) => r.status === 'confirmed');
  const progress = await progressOf(db, who.organizationId, confirmed);
  const answered = await answeredOf(
    db,
    who.organizationId,
    confirmed.map((r) => r.id),
  );
  const today = await todaysSessionsOf(
    db,
    who.organizationId,
    confirmed.filter((r) => r.checkinCode !== null).map((r) => r.programId),
    who.locale,
    now,
  );
  return rows.map((r) => {
    const p = r.status === 'confirmed' ? progress.get(r.id) : undefined;
    const session = r.status === 'confirmed' && r.checkinCode ? today.get(r.programId) : undefined;
    const surveyOpen = Boolean(p && p.attended > 0 && p.lastEndsAt && p.lastEndsAt <= now);
    return {
      id: r.id,
      programId: r.programId,
      programTitle: who.locale === 'en' ? r.titleEn : r.titleKo,
      status: r.status,
      position: positions.get(r.id) ?? null,
      offeredUntil: r.status === 'offered' ? iso(r.offeredUntil) : null,
      createdAt: r.createdAt.toISOString(),
      progress: p
        ? { attended: p.attended, sessions: p.sessions, required: p.required, completed: p.completed }
        : null,
      survey: answered.has(r.id) ? 'answered' : surveyOpen ? 'open' : 'none',
      checkin: session && r.checkinCode ? { code: r.checkinCode, ...session } : null,
    };
  });
}

/**
 * Each program's first session not ended yet that starts by the end of the Korean day of `now` (its
 * check-in QR is shown then; one running past midnight counts too): one query for any number.
 */
async function todaysSessionsOf(
  db: DbOrTx,
  organizationId: string,
  programIds: string[],
  locale: string,
  now: Date,
): Promise<Map<string, { sessionId: string; startsAt: string; endsAt: string; place: string }>> {
  const out = new Map<string, { sessionId: string; startsAt: string; endsAt: string; place: string }>();
  if (programIds.length === 0) return out;
  const dayEnd = new Date(startOfDayInSeoul(todayInSeoul(now)).getTime() + 86_400_000);
  const s = bookingProgramSessions;
  const rows = await db
    .select({
      id: s.id,
      programId: s.programId,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      address: s.address,
      roomKo: bookingResources.nameKo,
      roomEn: bookingResources.nameEn,
    })
    .from(s)
    .leftJoin(bookingResources, eq(bookingResources.id, s.resourceId))
    .where(
      forOrg(
        s,
        organizationId,
        inArray(s.programId, [...new Set(programIds)]),
        gt(s.endsAt, now),
        lt(s.startsAt, dayEnd),
      ),
    )
    .orderBy(asc(s.startsAt));
  for (const r of rows)
    if (!out.has(r.programId))
      out.set(r.programId, {
        sessionId: r.id,
        startsAt: r.startsAt.toISOString(),
        endsAt: r.endsAt.toISOString(),
        place: (locale === 'en' ? r.roomEn : r.roomKo) ?? r.address,
      });
  return out;
}

export interface Progress {
  attended: number;
  sessions: number;
  required: number | null;
  completed: boolean;
  lastEndsAt: Date | null;
}

/** Sessions needed to complete: the completion share of all sessions, rounded up (null: no rule). */
export const requiredSessions = (percent: number | null, sessions: number) =>
  percent === null ? null : Math.ceil((percent * sessions) / 100);

/**
 * Attendance of registrations (each with its program): sessions marked present, the program's
 * sessions, how many complete it and whether they have; three grouped queries for any number.
 */
export async function progressOf(
  db: DbOrTx,
  organizationId: string,
  regs: { id: string; programId: string }[],
): Promise<Map<string, Progress>> {
  const out = new Map<string, Progress>();
  if (regs.length === 0) return out;
  const programIds = [...new Set(regs.map((r) => r.programId))];
  const programs = await db
    .select({
      id: bookingPrograms.id,
      percent: bookingPrograms.completionPercent,
      sessions: sql<number>`(select count(*) from booking_program_sessions s where s.program_id = booking_programs.id)::int`,
      lastEndsAt: lastSession,
    })
    .from(bookingPrograms)
    .where(forOrg(bookingPrograms, organizationId, inArray(bookingPrograms.id, programIds)));
  const attended = await db
    .select({ id: bookingAttendance.registrationId, n: sql<number>`count(*)::int` })
    .from(bookingAttendance)
    .where(
      forOrg(
        bookingAttendance,
        organizationId,
        inArray(
          bookingAttendance.registrationId,
          regs.map((r) => r.id),
        ),
        eq(bookingAttendance.present, true),
      ),
    )
    .groupBy(bookingAttendance.registrationId);
  const byProgram = new Map(programs.map((p) => [p.id, p]));
  const byReg = new Map(attended.map((a) => [a.id, Number(a.n)]));
  for (const r of regs) {
    const p = byProgram.get(r.programId);
    if (!p) continue;
    const sessions = Number(p.sessions);
    const required = requiredSessions(p.percent, sessions);
    const n = byReg.get(r.id) ?? 0;
    out.set(r.id, {
      attended: n,
      sessions,
      required,
      completed: required !== null && n >= required,
      lastEndsAt: p.lastEndsAt ? new Date(p.lastEndsAt) : null,
    });
  }
  return out;
}

async function answeredOf(db: DbOrTx, organizationId: string, registrationIds: string[]) {
  if (registrationIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: bookingSurveys.registrationId })
    .from(bookingSurveys)
    .where(forOrg(bookingSurveys, organizationId, inArray(bookingSurveys.registrationId, registrationIds)));
  return new Set(rows.map((r) => r.id));
}

/** The person's registration in play for a program (what register, cancel and confirm answer with). */
export async function myRegistration(ctx: SignedInCtx, programId: string): Promise<MyRegistration> {
  const mine = await listMyRegistrations(ctx, programId);
  const active = mine.find((r) => (ACTIVE_REGISTRATION_STATUSES as readonly string[]).includes(r.status));
  const found = active ?? mine[0];
  if (!found) throw new AppError('program_registration_not_found', 404);
  return found;
}

const RegistrantCursor = z.tuple([cursorKey.timestamp, cursorKey.uuid]);
const QueueCursor = z.tuple([z.number().int(), cursorKey.uuid]);

/**
 * A program's registrations with names, for staff, a page at a time: seats held and lottery entries
 * by registration time, the waiting list in its order, or everyone. The read of the names is
 * access-logged, in the transaction that reads them.
 */
export async function listRegistrations(
  ctx: SignedInCtx,
  programId: string,
  route: string,
  q: { list?: 'registered' | 'waiting' | 'all'; limit?: number; cursor?: string } = {},
) {
  await findProgram(ctx.db, ctx.organizationId, programId);
  const limit = q.limit ?? 50;
  const list = q.list ?? 'all';
  const r = bookingRegistrations;
  const conditions: (SQL | undefined)[] = [
    eq(r.programId, programId),
    list === 'registered'
      ? inArray(r.status, ['applied', 'confirmed', 'offered'])
      : list === 'waiting'
        ? eq(r.status, 'waiting')
        : undefined,
  ];
  if (q.cursor && list === 'waiting') {
    const [queue, id] = decodeCursor(q.cursor, QueueCursor);
    conditions.push(or(gt(r.queueNumber, queue), and(eq(r.queueNumber, queue), gt(r.id, id))));
  } else if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, RegistrantCursor);
    // Compared as the text PostgreSQL printed (microseconds kept): registrations share milliseconds.
    conditions.push(sql`(${r.createdAt}, ${r.id}) > (${at}::timestamptz, ${id}::uuid)`);
  }
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: r.id,
        programId: r.programId,
        userId: r.userId,
        name: users.displayName,
        status: r.status,
        queueNumber: r.queueNumber,
        offeredUntil: r.offeredUntil,
        createdAt: r.createdAt,
        cursorAt: sql<string>`to_json(${r.createdAt}) #>> '{}'`,
      })
      .from(r)
      .leftJoin(users, eq(users.id, r.userId))
      .where(forOrg(r, ctx, ...conditions))
      .orderBy(...(list === 'waiting' ? [asc(r.queueNumber)] : [asc(r.createdAt)]), asc(r.id))
      .limit(limit + 1);
    const page = rows.slice(0, limit);
    await logPersonalDataAccessOf(
      tx,
      ctx,
      page.filter((x) => x.userId).map((x) => x.userId as string),
      { fields: ['displayName'], reason: 'booking.registrations.list', route },
    );
    const positions = await positionsOf(tx, ctx.organizationId, page);
    const progress = await progressOf(tx, ctx.organizationId, page);
    return pageOf(
      rows,
      limit,
      (x) => (list === 'waiting' ? [x.queueNumber ?? 0, x.id] : [x.cursorAt, x.id]),
      (x) => ({
        id: x.id,
        userId: x.userId,
        name: x.name,
        status: x.status,
        position: positions.get(x.id) ?? null,
        offeredUntil: x.status === 'offered' ? iso(x.offeredUntil) : null,
        createdAt: x.createdAt.toISOString(),
        attended: progress.get(x.id)?.attended ?? 0,
      }),
    );
  });
}

export interface StoredDraw {
  algorithm: string;
  seats: number;
  applicants: { id: string; appliedAt: string }[];
  winners: string[];
  waitingList: string[];
}

/** The stored draw of a lottery program: everything needed to run it again (public). */
export async function getDraw(ctx: Ctx, programId: string): Promise<Draw> {
  await findProgram(ctx.db, ctx.organizationId, programId);
  const [row] = await ctx.db
    .select()
    .from(bookingLotteryDraws)
    .where(forOrg(bookingLotteryDraws, ctx, eq(bookingLotteryDraws.programId, programId)));
  if (!row) throw new AppError('program_not_drawn', 404);
  const result = row.result as StoredDraw;
  return {
    programId,
    algorithm: result.algorithm,
    seed: row.seed,
    seats: result.seats,
    inputDigest: row.inputDigest,
    applicants: result.applicants,
    winners: result.winners,
    waitingList: result.waitingList,
    drawnAt: row.drawnAt.toISOString(),
  };
}
