import { asc, eq, inArray, sql } from 'drizzle-orm';
import type {
  Draw,
  MyRegistration,
  ProgramBody,
  RegisterBody,
  SessionBody,
} from '../../../../contracts/booking-programs.ts';
import type { Role } from '../../../platform/access/actor.ts';
import { type AuditCtx, writeAudit, writeAudits } from '../../../platform/audit/write.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { ageRule } from '../../../platform/eligibility/index.ts';
import { AppError } from '../../../platform/errors.ts';
import type { SignedInCtx } from '../../../platform/http.ts';
import type { Jobs } from '../../../platform/jobs/boss.ts';
import { enqueueNotification } from '../../../platform/notify/index.ts';
import { dateInSeoul } from '../../../platform/time/index.ts';
import { findResource } from '../queries.ts';
import { drawLottery, LOTTERY_ALGORITHM, lotteryCanonicalInput } from './lottery.ts';
import { PROGRAM_SEAT_OFFERED } from './notify.ts';
import {
  describeRegistrations,
  findProgram,
  getDraw,
  myRegistration,
  type ProgramRow,
  type StoredDraw,
  seatState,
} from './queries.ts';
import {
  bookingLotteryDraws,
  bookingProgramSessions,
  bookingPrograms,
  bookingRegistrations,
} from './tables.ts';
import {
  cancelSeat,
  confirmOffer,
  declineOffer,
  expireOffers,
  fillFreeSeats,
  type OfferTiming,
  registerNewcomers,
  type SeatEffect,
  type SeatState,
} from './waiting-list.ts';

const HOUR_MS = 3_600_000;

/** What moving seats along needs: a person's request, or the job that lapses offers (no actor). */
export type SeatCtx = AuditCtx & { organizationId: string; jobs: Jobs };
const seoulTime = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** True when the database refused a second active registration of one person (unique_violation). */
function isDuplicate(err: unknown): boolean {
  for (
    let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0;
    e && i < 4;
    e = e.cause as typeof e, i++
  )
    if (e.code === '23505') return true;
  return false;
}

/** Staff create a program (or replace one's fields and sessions); a raised capacity offers seats. */
export async function saveProgram(ctx: SignedInCtx, body: ProgramBody, id?: string, now = new Date()) {
  const { sessions, ...fields } = body;
  for (const s of sessions) if (s.resourceId) await findResource(ctx.db, ctx.organizationId, s.resourceId);
  const values = {
    ...fields,
    opensAt: new Date(fields.opensAt),
    closesAt: new Date(fields.closesAt),
    updatedAt: now,
  };
  try {
    return await ctx.db.transaction(async (tx) => {
      let programId: string;
      if (id) {
        const before = await findProgram(tx, ctx.organizationId, id, true);
        if (before.mode !== fields.mode && before.inputDigest) throw new AppError('program_mode_locked', 409);
        await tx
          .update(bookingPrograms)
          .set(values)
          .where(forOrg(bookingPrograms, ctx, eq(bookingPrograms.id, id)));
        programId = id;
      } else {
        const [row] = await tx
          .insert(bookingPrograms)
          .values({ ...values, organizationId: ctx.organizationId })
          .returning({ id: bookingPrograms.id });
        programId = row.id;
      }
      await storeSessions(tx, ctx.organizationId, programId, sessions);
      await writeAudit(tx, ctx, {
        action: id ? 'booking.program_update' : 'booking.program_create',
        targetType: 'booking.program',
        targetId: programId,
        data: { code: fields.code, capacity: fields.capacity, mode: fields.mode },
      });
      if (id) await settle(tx, ctx, await findProgram(tx, ctx.organizationId, id), now);
      return { id: programId };
    });
  } catch (err) {
    if (isDuplicate(err)) throw new AppError('program_code_taken', 409, { code: body.code });
    throw err;
  }
}

/**
 * A program's sessions as given, in time order: the existing ones are updated in place (their ids,
 * and so the attendance taken at them, stay), extra ones added, and the surplus removed.
 */
async function storeSessions(tx: DbOrTx, organizationId: string, programId: string, sessions: SessionBody[]) {
  const given = [...sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const had = await tx
    .select({ id: bookingProgramSessions.id })
    .from(bookingProgramSessions)
    .where(forOrg(bookingProgramSessions, organizationId, eq(bookingProgramSessions.programId, programId)))
    .orderBy(asc(bookingProgramSessions.startsAt), asc(bookingProgramSessions.id));
  const values = given.map((s) => ({
    startsAt: new Date(s.startsAt),
    endsAt: new Date(s.endsAt),
    resourceId: s.resourceId,
    address: s.address,
    online: s.online,
  }));
  for (const [i, v] of values.entries())
    if (i < had.length)
      await tx
        .update(bookingProgramSessions)
        .set(v)
        .where(forOrg(bookingProgramSessions, organizationId, eq(bookingProgramSessions.id, had[i].id)));
  if (values.length > had.length)
    await tx
      .insert(bookingProgramSessions)
      .values(values.slice(had.length).map((v) => ({ ...v, organizationId, programId })));
  if (had.length > values.length)
    await tx.delete(bookingProgramSessions).where(
      forOrg(
        bookingProgramSessions,
        organizationId,
        inArray(
          bookingProgramSessions.id,
          had.slice(values.length).map((h) => h.id),
        ),
      ),
    );
}

/** When offers run out: the hold, never past the first session's start. */
async function timingOf(tx: DbOrTx, program: ProgramRow, now: Date): Promise<OfferTiming> {
  const [first] = await tx
    .select({ startsAt: bookingProgramSessions.startsAt })
    .from(bookingProgramSessions)
    .where(
      forOrg(
        bookingProgramSessions,
        program.organizationId,
        eq(bookingProgramSessions.programId, program.id),
      ),
    )
    .orderBy(bookingProgramSessions.startsAt)
    .limit(1);
  return { now, holdMs: program.offerHours * HOUR_MS, notAfter: first?.startsAt };
}

/** Stores what waiting-list.ts says happened (people are registration ids): offers with a notice, lapses, declines. */
async function applyEffects(tx: DbOrTx, ctx: SeatCtx, program: ProgramRow, effects: SeatEffect[], now: Date) {
  for (const e of effects) {
    if (e.kind === 'seat-freed') continue;
    const who = forOrg(
      bookingRegistrations,
      ctx,
      eq(bookingRegistrations.id, e.personId),
      inArray(bookingRegistrations.status, ['waiting', 'offered']),
    );
    const [row] = await tx
      .update(bookingRegistrations)
      .set(
        e.kind === 'offered'
          ? { status: 'offered', offeredUntil: e.confirmBy, updatedAt: now }
          : { status: e.kind === 'lapsed' ? 'lost' : 'cancelled', updatedAt: now },
      )
      .where(who)
      .returning({ userId: bookingRegistrations.userId });
    if (e.kind === 'offered' && row?.userId) {
      const until = seoulTime.format(e.confirmBy);
      await enqueueNotification(
        tx,
        {
          organizationId: ctx.organizationId,
          userId: row.userId,
          kind: PROGRAM_SEAT_OFFERED,
          title: {
            ko: `「${program.titleKo}」에 자리가 났습니다.`,
            en: `A seat is free for “${program.titleEn}”.`,
          },
          body: {
            ko: `${until}까지 확정해 주십시오. 그때까지 확정하지 않으면 다음 대기자에게 넘어갑니다.`,
            en: `Please confirm by ${until} (Korea time); after that it goes to the next person waiting.`,
          },
          link: `/booking/programs/${program.id}`,
        },
        ctx.jobs,
      );
    }
    // Spelled out (not built from e.kind), so each action is a literal the audit labels test can read.
    const offered = e.kind === 'offered';
    const lapsed = e.kind === 'lapsed';
    await writeAudit(tx, ctx, {
      action: offered
        ? 'booking.registration_offered'
        : lapsed
          ? 'booking.registration_lapsed'
          : 'booking.registration_declined',
      targetType: 'booking.registration',
      targetId: e.personId,
      data: { programId: program.id },
    });
  }
}

/**
 * Offers that lapsed pass on, and free seats go to the people waiting (called under the program
 * lock). Answers the seats as they are afterwards, read again only when something moved.
 */
export async function settle(tx: DbOrTx, ctx: SeatCtx, program: ProgramRow, now: Date) {
  const seats = await seatState(tx, program);
  if (program.mode === 'lottery' && !(await drawnYet(tx, program))) return seats;
  const timing = await timingOf(tx, program, now);
  const after = expireOffers(seats.state, timing);
  // A raised capacity leaves free seats that the expiry found nothing to do with.
  const filled = fillFreeSeats(after.state, timing);
  const effects = [...after.effects, ...filled.effects];
  if (effects.length === 0) return seats;
  await applyEffects(tx, ctx, program, effects, now);
  return seatState(tx, program);
}

async function drawnYet(tx: DbOrTx, program: ProgramRow) {
  const [row] = await tx
    .select({ id: bookingLotteryDraws.id })
    .from(bookingLotteryDraws)
    .where(
      forOrg(bookingLotteryDraws, program.organizationId, eq(bookingLotteryDraws.programId, program.id)),
    );
  return Boolean(row);
}

/** Who may register: the window, residents only, a role, and an age (self-declared birth date). */
function checkEligibility(
  program: ProgramRow,
  roles: ReadonlySet<Role>,
  body: RegisterBody,
  firstDay: string | null,
  now: Date,
) {
  if (now < program.opensAt)
    throw new AppError('program_not_open', 422, { opensAt: seoulTime.format(program.opensAt) });
  if (now >= program.closesAt) throw new AppError('program_closed', 422);
  if (program.residentsOnly && !roles.has('resident')) throw new AppError('program_residents_only', 403);
  if (program.role && !roles.has(program.role as Role)) throw new AppError('program_role_only', 403);
  if (program.minAge || program.maxAge) {
    if (!body.birthDate) throw new AppError('program_birth_date_needed', 422);
    const on = firstDay ?? dateInSeoul(now);
    if (ageRule({ min: program.minAge, max: program.maxAge }, body.birthDate, on).result !== 'pass')
      throw new AppError('program_age', 403, {
        range: `${program.minAge ?? ''}–${program.maxAge ?? ''}`,
      });
  }
}

/**
 * Counts of a program's registrations in play, in one query (what newcomers' registrations need),
 * and which of `userIds` are already in play.
 */
async function seatCounts(tx: DbOrTx, program: ProgramRow, userIds: string[], now: Date) {
  const r = bookingRegistrations;
  const asked = sql.join(
    userIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const [row] = await tx
    .select({
      confirmed: sql<number>`count(*) filter (where ${r.status} = 'confirmed')::int`,
      offered: sql<number>`count(*) filter (where ${r.status} = 'offered')::int`,
      waiting: sql<number>`count(*) filter (where ${r.status} = 'waiting')::int`,
      maxQueue: sql<number>`coalesce(max(${r.queueNumber}), 0)::int`,
      mine: sql<string[] | null>`array_agg(${r.userId}::text) filter (where ${r.userId} in (${asked}))`,
      lapsed: sql<boolean>`coalesce(bool_or(${r.status} = 'offered' and ${r.offeredUntil} <= ${now.toISOString()}), false)`,
    })
    .from(r)
    .where(
      forOrg(
        r,
        program.organizationId,
        eq(r.programId, program.id),
        inArray(r.status, ['applied', 'confirmed', 'waiting', 'offered']),
      ),
    );
  const n = (v: unknown) => Number(v ?? 0);
  const confirmed = n(row?.confirmed);
  const offered = n(row?.offered);
  return {
    confirmed,
    offered,
    waiting: n(row?.waiting),
    maxQueue: n(row?.maxQueue),
    inPlay: new Set(row?.mine ?? []),
    lapsed: row?.lapsed === true || (row?.lapsed as unknown) === 't',
    free: Math.max(0, program.capacity - confirmed - offered),
  };
}

/**
 * waiting-list.ts's state from counts alone: who holds the offers and who waits does not change a
 * newcomer's outcome (only how many), so stand-in ids fill the lists.
 */
function stateOfCounts(
  capacity: number,
  c: { confirmed: number; offered: number; waiting: number },
): SeatState {
  const far = new Date(8.64e15);
  return {
    capacity,
    confirmed: c.confirmed,
    offers: Array.from({ length: c.offered }, (_, i) => ({ personId: `offer-${i}`, confirmBy: far })),
    waiting: Array.from({ length: c.waiting }, (_, i) => `waiting-${i}`),
  };
}

/**
 * A person registers. The program row is locked for the transaction, so registrations queue on it
 * in arrival order: first come, the first `capacity` are confirmed and the rest wait with a
 * position; in a lottery, everyone in the window applies and the draw decides later. A second
 * request of the same person answers with the registration they already have.
 */
export async function registerFor(
  ctx: SignedInCtx,
  programId: string,
  body: RegisterBody,
  now = new Date(),
): Promise<MyRegistration> {
  // A place in the line is answered from the batch that gave it; a seat's answer (progress, today's
  // check-in) and a registration already held are read back.
  return (await inProgramQueue(ctx, programId, body, now)) ?? myRegistration(ctx, programId);
}

/** One person's registration waiting for its turn in its program's queue. */
interface Waiting {
  ctx: SignedInCtx;
  body: RegisterBody;
  now: Date;
  done: (outcome: Outcome) => void;
}

/** How a batch ended for one person: refused, or registered (with the answer when it is known already). */
type Outcome = { error: unknown } | { answer?: MyRegistration };

/**
 * Registrations for one program wait in this process while a transaction holds the program's lock,
 * and the next transaction takes all of them in arrival order: one lock, one count, one insert and
 * one commit for a batch instead of one each. At an opening minute the commit's wait for the disk,
 * once per person, was the whole queue's speed. The lock still orders batches of other processes.
 */
const queues = new WeakMap<object, Map<string, Waiting[]>>();
const MOST_PER_BATCH = 500;

function inProgramQueue(ctx: SignedInCtx, programId: string, body: RegisterBody, now: Date) {
  const byProgram = queues.get(ctx.db) ?? new Map<string, Waiting[]>();
  queues.set(ctx.db, byProgram);
  const key = `${ctx.organizationId}/${programId}`;
  return new Promise<MyRegistration | undefined>((resolve, reject) => {
    const done = (o: Outcome) => ('error' in o ? reject(o.error) : resolve(o.answer));
    const me: Waiting = { ctx, body, now, done };
    const queue = byProgram.get(key);
    if (queue) {
      queue.push(me); // a batch is under way: this one goes in the next
      return;
    }
    byProgram.set(key, [me]);
    void drain(byProgram, key, programId);
  });
}

async function drain(byProgram: Map<string, Waiting[]>, key: string, programId: string) {
  for (;;) {
    const queue = byProgram.get(key) ?? [];
    const batch = queue.splice(0, MOST_PER_BATCH);
    if (batch.length === 0) {
      byProgram.delete(key);
      return;
    }
    // A duplicate means the person registered meanwhile: their answer is the registration they have.
    const failed = (err: unknown): Outcome => (isDuplicate(err) ? {} : { error: err });
    try {
      const outcomes = await registerBatch(programId, batch);
      for (const w of batch) w.done(outcomes.get(w) ?? {});
    } catch (err) {
      // The batch's transaction failed: each goes again alone, so one person's trouble stays theirs.
      for (const w of batch) {
        if (batch.length === 1) {
          w.done(failed(err));
          continue;
        }
        await registerBatch(programId, [w]).then(
          (outcomes) => w.done(outcomes.get(w) ?? {}),
          (alone) => w.done(failed(alone)),
        );
      }
    }
  }
}

/**
 * One transaction for a batch of registrations: the outcome of each person it refused (with why) or
 * registered (with their answer). Those already registered have no outcome here.
 */
async function registerBatch(programId: string, batch: Waiting[]): Promise<Map<Waiting, Outcome>> {
  const { ctx, now } = batch[0];
  const outcomes = new Map<Waiting, Outcome>();
  await ctx.db.transaction(async (tx) => {
    const program = await findProgram(tx, ctx.organizationId, programId, true);
    // The first session's day is the day an age limit is counted on (read only when there is one).
    const firstDay =
      program.minAge || program.maxAge ? (await timingOf(tx, program, now)).notAfter : undefined;
    const eligible = batch.filter((w) => {
      try {
        checkEligibility(program, w.ctx.actor.roles, w.body, firstDay ? dateInSeoul(firstDay) : null, w.now);
        return true;
      } catch (error) {
        outcomes.set(w, { error });
        return false;
      }
    });
    if (eligible.length === 0) return;
    const counts = await seatCounts(
      tx,
      program,
      eligible.map((w) => w.ctx.actor.userId),
      now,
    );
    // People already in play, or twice in this batch, get the registration they have (the answer).
    const newcomers = eligible.filter((w) => {
      if (counts.inPlay.has(w.ctx.actor.userId)) return false;
      counts.inPlay.add(w.ctx.actor.userId);
      return true;
    });
    if (newcomers.length === 0) return;
    let statuses: Array<{ status: 'applied' | 'confirmed' | 'waiting'; queueNumber: number | null }>;
    let positions: Array<number | null> = newcomers.map(() => null);
    if (program.mode === 'first_come') {
      // The rush's common case reads counts only; when an offer lapsed or a seat waits for someone
      // already in line, the seats are settled first from the full list.
      const needsSettling = counts.lapsed || (counts.free > 0 && counts.waiting > 0);
      const seats = needsSettling ? await settle(tx, ctx, program, now) : null;
      let maxQueue = seats?.maxQueue ?? counts.maxQueue;
      // A newcomer has no registration id yet; any id not already in line stands for them.
      const { outcome } = registerNewcomers(
        seats?.state ?? stateOfCounts(program.capacity, counts),
        newcomers.map((_, i) => `newcomer-${i}`),
      );
      statuses = outcome.map((o) =>
        o.kind === 'confirmed'
          ? { status: 'confirmed' as const, queueNumber: null }
          : { status: 'waiting' as const, queueNumber: ++maxQueue },
      );
      positions = outcome.map((o) => (o.kind === 'waiting' ? o.position : null));
    } else statuses = newcomers.map(() => ({ status: 'applied' as const, queueNumber: null }));
    const rows = await tx
      .insert(bookingRegistrations)
      // The clock at the insert, not the transaction's start: the order people passed the lock in
      // (within one batch, its order of arrival, as the queue numbers say).
      .values(
        newcomers.map((w, i) => ({
          organizationId: ctx.organizationId,
          programId,
          userId: w.ctx.actor.userId,
          ...statuses[i],
          createdAt: sql`clock_timestamp()`,
        })),
      )
      .returning({
        id: bookingRegistrations.id,
        createdAt: bookingRegistrations.createdAt,
        checkinCode: bookingRegistrations.checkinCode,
      });
    await writeAudits(
      tx,
      newcomers.map((w, i) => {
        const applied = statuses[i].status === 'applied';
        const confirmed = statuses[i].status === 'confirmed';
        return {
          ctx: w.ctx,
          input: {
            action: applied
              ? 'booking.registration_applied'
              : confirmed
                ? 'booking.registration_confirmed'
                : 'booking.registration_waiting',
            targetType: 'booking.registration',
            targetId: rows[i].id,
            data: { programId },
          },
        };
      }),
    );
    // Each newcomer's answer, from what this batch knows (their place in line counted here), in
    // their language: no reading back per person.
    const known = new Map<string, number>();
    for (const [i, p] of positions.entries()) if (p !== null) known.set(rows[i].id, p);
    for (const locale of new Set(newcomers.map((w) => w.ctx.locale))) {
      const mine = [...newcomers.entries()].filter(([, w]) => w.ctx.locale === locale);
      const answers = await describeRegistrations(
        tx,
        { organizationId: ctx.organizationId, locale },
        mine.map(([i]) => ({
          id: rows[i].id,
          programId,
          titleKo: program.titleKo,
          titleEn: program.titleEn,
          status: statuses[i].status,
          offeredUntil: null,
          checkinCode: rows[i].checkinCode,
          createdAt: rows[i].createdAt,
        })),
        now,
        known,
      );
      for (const [j, [, w]] of mine.entries()) outcomes.set(w, { answer: answers[j] });
    }
  });
  return outcomes;
}

/**
 * The person withdraws: a confirmed seat goes to the first person waiting (offered, with a deadline
 * and a notice); leaving the list or declining an offer moves everyone behind up.
 */
export async function cancelMine(
  ctx: SignedInCtx,
  programId: string,
  now = new Date(),
): Promise<MyRegistration> {
  const userId = ctx.actor.userId;
  await ctx.db.transaction(async (tx) => {
    const program = await findProgram(tx, ctx.organizationId, programId, true);
    const { state, rows } = await seatState(tx, program);
    const mine = rows.find((r) => r.userId === userId);
    if (!mine) throw new AppError('program_registration_not_found', 404);
    const timing = await timingOf(tx, program, now);
    if (timing.notAfter && now >= timing.notAfter) throw new AppError('program_cancel_too_late', 409);
    // Once the digest is out the list is fixed until the draw: a withdrawal would change the digest.
    if (mine.status === 'applied' && program.inputDigest) throw new AppError('program_list_fixed', 409);
    await tx
      .update(bookingRegistrations)
      .set({ status: 'cancelled', updatedAt: now })
      .where(forOrg(bookingRegistrations, ctx, eq(bookingRegistrations.id, mine.id)));
    await writeAudit(tx, ctx, {
      action: 'booking.registration_cancel',
      targetType: 'booking.registration',
      targetId: mine.id,
      data: { programId, was: mine.status },
    });
    if (mine.status === 'confirmed' && (program.mode === 'first_come' || (await drawnYet(tx, program))))
      await applyEffects(tx, ctx, program, cancelSeat(state, timing).effects, now);
    else if (mine.status === 'offered')
      await applyEffects(
        tx,
        ctx,
        program,
        declineOffer(state, mine.id, timing).effects.filter((e) => e.kind !== 'declined'),
        now,
      );
    // Someone waiting just leaves: places are counted from the queue order, so those behind move up.
  });
  return myRegistration(ctx, programId);
}

/** The person offered a seat takes it before the deadline; too late, the seat has passed on (409). */
export async function confirmMine(
  ctx: SignedInCtx,
  programId: string,
  now = new Date(),
): Promise<MyRegistration> {
  const userId = ctx.actor.userId;
  const expired = await ctx.db.transaction(async (tx) => {
    const program = await findProgram(tx, ctx.organizationId, programId, true);
    const { state, rows } = await seatState(tx, program);
    const mine = rows.find((r) => r.userId === userId);
    if (!mine) throw new AppError('program_registration_not_found', 404);
    if (mine.status === 'confirmed') return false;
    const outcome = confirmOffer(state, mine.id, now).outcome;
    if (outcome.kind === 'no-offer') throw new AppError('program_no_offer', 409);
    if (outcome.kind === 'expired') {
      await settle(tx, ctx, program, now);
      return true;
    }
    await tx
      .update(bookingRegistrations)
      .set({ status: 'confirmed', offeredUntil: null, updatedAt: now })
      .where(forOrg(bookingRegistrations, ctx, eq(bookingRegistrations.id, mine.id)));
    await writeAudit(tx, ctx, {
      action: 'booking.registration_confirm',
      targetType: 'booking.registration',
      targetId: mine.id,
      data: { programId },
    });
    return false;
  });
  if (expired) throw new AppError('program_offer_expired', 409);
  return myRegistration(ctx, programId);
}

async function applicantsOf(tx: DbOrTx, program: ProgramRow) {
  const rows = await tx
    .select({
      id: bookingRegistrations.id,
      userId: bookingRegistrations.userId,
      appliedAt: bookingRegistrations.createdAt,
    })
    .from(bookingRegistrations)
    .where(
      forOrg(
        bookingRegistrations,
        program.organizationId,
        eq(bookingRegistrations.programId, program.id),
        eq(bookingRegistrations.status, 'applied'),
      ),
    );
  return rows;
}

/**
 * Staff publish the lottery's input digest once applications have closed, before any seed is
 * chosen: the list of applicants can then not change unseen.
 */
export async function publishDigest(ctx: SignedInCtx, programId: string, now = new Date()) {
  return ctx.db.transaction(async (tx) => {
    const program = await findProgram(tx, ctx.organizationId, programId, true);
    if (program.mode !== 'lottery') throw new AppError('program_not_lottery', 409);
    if (now < program.closesAt) throw new AppError('program_still_open', 409);
    const applicants = await applicantsOf(tx, program);
    const { inputDigest } = lotteryCanonicalInput(
      program.capacity,
      applicants.map((a) => ({ id: a.id, appliedAt: a.appliedAt })),
    );
    if (program.inputDigest && program.inputDigest !== inputDigest)
      throw new AppError('program_digest_changed', 409);
    await tx
      .update(bookingPrograms)
      .set({ inputDigest, updatedAt: now })
      .where(forOrg(bookingPrograms, ctx, eq(bookingPrograms.id, programId)));
    await writeAudit(tx, ctx, {
      action: 'booking.lottery_digest',
      targetType: 'booking.program',
      targetId: programId,
      data: { inputDigest, applicants: applicants.length },
    });
    return { inputDigest, applicants: applicants.length };
  });
}

/**
 * Staff draw with a seed (lottery.ts): winners are confirmed, everyone else waits in drawn order.
 * Refused before the digest is published, or if the applicants no longer match it; drawn once.
 */
export async function drawProgram(
  ctx: SignedInCtx,
  programId: string,
  seed: string,
  now = new Date(),
): Promise<Draw> {
  await ctx.db.transaction(async (tx) => {
    const program = await findProgram(tx, ctx.organizationId, programId, true);
    if (program.mode !== 'lottery') throw new AppError('program_not_lottery', 409);
    if (!program.inputDigest) throw new AppError('program_digest_unpublished', 409);
    if (await drawnYet(tx, program)) throw new AppError('program_already_drawn', 409);
    const applicants = await applicantsOf(tx, program);
    const draw = drawLottery({
      seats: program.capacity,
      seed,
      applicants: applicants.map((a) => ({ id: a.id, appliedAt: a.appliedAt })),
    });
    if (draw.inputDigest !== program.inputDigest) throw new AppError('program_digest_changed', 409);
    for (const id of draw.winners)
      await tx
        .update(bookingRegistrations)
        .set({ status: 'confirmed', updatedAt: now })
        .where(forOrg(bookingRegistrations, ctx, eq(bookingRegistrations.id, id)));
    for (const [i, id] of draw.waitingList.entries())
      await tx
        .update(bookingRegistrations)
        .set({ status: 'waiting', queueNumber: i + 1, updatedAt: now })
        .where(forOrg(bookingRegistrations, ctx, eq(bookingRegistrations.id, id)));
    const result: StoredDraw = {
      algorithm: LOTTERY_ALGORITHM,
      seats: draw.seats,
      applicants: applicants
        .map((a) => ({ id: a.id, appliedAt: a.appliedAt.toISOString() }))
        .sort((a, b) => draw.canonicalOrder.indexOf(a.id) - draw.canonicalOrder.indexOf(b.id)),
      winners: draw.winners,
      waitingList: draw.waitingList,
    };
    const [row] = await tx
      .insert(bookingLotteryDraws)
      .values({
        organizationId: ctx.organizationId,
        programId,
        seed: draw.seed,
        inputDigest: draw.inputDigest,
        result,
        drawnAt: now,
        drawnBy: ctx.actor.userId,
      })
      .returning({ id: bookingLotteryDraws.id });
    await writeAudit(tx, ctx, {
      action: 'booking.lottery_draw',
      targetType: 'booking.program',
      targetId: programId,
      data: { drawId: row.id, seed: draw.seed, inputDigest: draw.inputDigest, winners: draw.winners.length },
    });
  });
  return getDraw(ctx, programId);
}
