import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AttendanceBody, RollCall } from '../../../../contracts/booking-programs.ts';
import { writeAudit } from '../../../platform/audit/write.ts';
import { users } from '../../../platform/auth/tables.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { SignedInCtx } from '../../../platform/http.ts';
import { cursorKey, decodeCursor, pageOf } from '../../../platform/paging/cursor.ts';
import { logPersonalDataAccessOf } from '../../../platform/privacy/access-log.ts';
import { findProgram, sessionsOf } from './queries.ts';
import { bookingAttendance, bookingProgramSessions, bookingRegistrations } from './tables.ts';

// Attendance per session (출석): staff call the roll of the people holding a seat, present or
// absent, from an hour before the session starts; a later call of the same person overwrites.

/** How early before a session starts its roll may be called. */
const ROLL_OPENS_BEFORE_MS = 3_600_000;

async function findSession(db: DbOrTx, organizationId: string, programId: string, sessionId: string) {
  const [row] = await db
    .select()
    .from(bookingProgramSessions)
    .where(
      forOrg(
        bookingProgramSessions,
        organizationId,
        eq(bookingProgramSessions.id, sessionId),
        eq(bookingProgramSessions.programId, programId),
      ),
    );
  if (!row) throw new AppError('program_session_not_found', 404);
  return row;
}

const RollCursor = z.tuple([cursorKey.timestamp, cursorKey.uuid]);

/** A session's roll with names (staff; the names read are access-logged), a page at a time. */
export async function rollCall(
  ctx: SignedInCtx,
  programId: string,
  sessionId: string,
  route: string,
  q: { limit?: number; cursor?: string } = {},
): Promise<RollCall> {
  await findProgram(ctx.db, ctx.organizationId, programId);
  await findSession(ctx.db, ctx.organizationId, programId, sessionId);
  const session = (await sessionsOf(ctx.db, ctx.organizationId, programId, ctx.locale)).find(
    (s) => s.id === sessionId,
  );
  const limit = q.limit ?? 100;
  const r = bookingRegistrations;
  const conditions: (SQL | undefined)[] = [eq(r.programId, programId), eq(r.status, 'confirmed')];
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, RollCursor);
    conditions.push(sql`(${r.createdAt}, ${r.id}) > (${at}::timestamptz, ${id}::uuid)`);
  }
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: r.id,
        userId: r.userId,
        name: users.displayName,
        present: bookingAttendance.present,
        cursorAt: sql<string>`to_json(${r.createdAt}) #>> '{}'`,
      })
      .from(r)
      .leftJoin(users, eq(users.id, r.userId))
      .leftJoin(
        bookingAttendance,
        and(eq(bookingAttendance.registrationId, r.id), eq(bookingAttendance.sessionId, sessionId)),
      )
      .where(forOrg(r, ctx, ...conditions))
      .orderBy(asc(r.createdAt), asc(r.id))
      .limit(limit + 1);
    await logPersonalDataAccessOf(
      tx,
      ctx,
      rows
        .slice(0, limit)
        .filter((x) => x.userId)
        .map((x) => x.userId as string),
      { fields: ['displayName'], reason: 'booking.attendance.roll', route },
    );
    const page = pageOf(
      rows,
      limit,
      (x) => [x.cursorAt, x.id],
      (x) => ({ registrationId: x.id, name: x.name, present: x.present }),
    );
    return { session: session as RollCall['session'], ...page };
  });
}

/**
 * Staff mark people present or absent at a session (one audit entry per call, with the counts).
 * Only seats held now count; a mark for anyone else is refused as a whole (422).
 */
export async function markAttendance(
  ctx: SignedInCtx,
  programId: string,
  sessionId: string,
  body: AttendanceBody,
  now = new Date(),
) {
  return ctx.db.transaction(async (tx) => {
    await findProgram(tx, ctx.organizationId, programId);
    const session = await findSession(tx, ctx.organizationId, programId, sessionId);
    if (session.startsAt.getTime() - ROLL_OPENS_BEFORE_MS > now.getTime())
      throw new AppError('program_session_not_started', 409);
    const marks = new Map(body.marks.map((m) => [m.registrationId, m.present]));
    const held = await tx
      .select({ id: bookingRegistrations.id })
      .from(bookingRegistrations)
      .where(
        forOrg(
          bookingRegistrations,
          ctx,
          eq(bookingRegistrations.programId, programId),
          eq(bookingRegistrations.status, 'confirmed'),
          inArray(bookingRegistrations.id, [...marks.keys()]),
        ),
      );
    if (held.length !== marks.size) throw new AppError('program_attendance_not_registered', 422);
    await tx
      .insert(bookingAttendance)
      .values(
        [...marks].map(([registrationId, present]) => ({
          organizationId: ctx.organizationId,
          sessionId,
          registrationId,
          present,
          markedAt: now,
          markedBy: ctx.actor.userId,
        })),
      )
      .onConflictDoUpdate({
        target: [bookingAttendance.sessionId, bookingAttendance.registrationId],
        set: {
          present: sql`excluded.present`,
          markedAt: sql`excluded.marked_at`,
          markedBy: sql`excluded.marked_by`,
        },
      });
    const present = [...marks.values()].filter(Boolean).length;
    await writeAudit(tx, ctx, {
      action: 'booking.attendance_marked',
      targetType: 'booking.session',
      targetId: sessionId,
      data: { programId, present, absent: marks.size - present },
    });
    return { present, absent: marks.size - present };
  });
}
