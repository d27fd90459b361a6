import { and, asc, eq } from 'drizzle-orm';
import type { SessionCheckinResult } from '../../../../contracts/booking-programs.ts';
import { writeAudit } from '../../../platform/audit/write.ts';
import { users } from '../../../platform/auth/tables.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { SignedInCtx } from '../../../platform/http.ts';
import type { Catalog } from '../../../platform/i18n/messages.ts';
import { logPersonalDataAccessOf } from '../../../platform/privacy/access-log.ts';
import { bookingResources } from '../tables.ts';
import { findProgram } from './queries.ts';
import { sessionCheckinRefusal, sessionToCheckIn } from './rules.ts';
import {
  bookingAttendance,
  bookingProgramSessions,
  bookingPrograms,
  bookingRegistrations,
} from './tables.ts';

// QR check-in at program sessions (issue 10, attendance): staff scan or type the code of a person's
// registration on the session's roll call page, or a place's kiosk takes it; either marks the person
// present at the session whose window is open (rules.ts), once. Audited; the name read is logged.

export const sessionCheckinMessages: Catalog = {
  'errors.program_checkin_unknown': {
    ko: '이 입실 코드의 신청을 찾을 수 없습니다. 코드를 다시 확인해 주십시오.',
    en: 'No registration for this program has this check-in code. Please check the code again.',
  },
  'errors.program_checkin_not_confirmed': {
    ko: '참가가 확정된 신청만 출석 처리할 수 있습니다.',
    en: 'Only confirmed registrations can be checked in.',
  },
  'errors.program_already_checked_in': {
    ko: '이미 이 회차에 출석 처리된 분입니다.',
    en: 'This person is already checked in to this session.',
  },
  'errors.program_checkin_too_early': {
    ko: '출석 확인은 회차 시작 30분 전부터 할 수 있습니다.',
    en: 'Check-in opens 30 minutes before the session starts.',
  },
  'errors.program_checkin_too_late': {
    ko: '회차가 끝나 출석 확인을 할 수 없습니다.',
    en: 'The session has ended, so check-in is closed.',
  },
  'errors.program_checkin_no_session': {
    ko: '이 강좌·행사에는 출석 확인할 회차가 없습니다.',
    en: 'This program has no session to check in to.',
  },
  'errors.program_checkin_other_place': {
    ko: '이 장소에서 열리는 회차의 신청이 아닙니다.',
    en: 'This registration is not for a session held at this place.',
  },
  'audit.action.booking.session_check_in': {
    ko: '강좌·행사 회차 출석 확인(QR)',
    en: 'Checked in to a session (QR)',
  },
  'access.reason.booking.attendance.checkin': {
    ko: '강좌·행사 출석 확인(QR)',
    en: 'Checking a person in to a session (QR)',
  },
};

interface SessionRow {
  id: string;
  programId: string;
  startsAt: Date;
  endsAt: Date;
}

/** The registration holding this code in the organization (locked), or null. */
async function registrationByCode(tx: DbOrTx, ctx: SignedInCtx, code: string, programId?: string) {
  const r = bookingRegistrations;
  const [row] = await tx
    .select({
      id: r.id,
      programId: r.programId,
      userId: r.userId,
      status: r.status,
      name: users.displayName,
      titleKo: bookingPrograms.titleKo,
      titleEn: bookingPrograms.titleEn,
    })
    .from(r)
    .innerJoin(bookingPrograms, eq(bookingPrograms.id, r.programId))
    .leftJoin(users, eq(users.id, r.userId))
    .where(forOrg(r, ctx, eq(r.checkinCode, code), programId ? eq(r.programId, programId) : undefined))
    .for('update', { of: r });
  return row ?? null;
}
type Registration = NonNullable<Awaited<ReturnType<typeof registrationByCode>>>;

/** Marks the person present at the session, once (an absent mark from the roll call turns present). */
async function markPresent(
  tx: DbOrTx,
  ctx: SignedInCtx,
  reg: Registration,
  session: SessionRow,
  via: 'roll' | 'kiosk',
  route: string,
  now: Date,
): Promise<SessionCheckinResult> {
  if (reg.status !== 'confirmed') throw new AppError('program_checkin_not_confirmed', 409);
  const refusal = sessionCheckinRefusal(now, session);
  if (refusal) throw new AppError(refusal, 409);
  const [marked] = await tx
    .select({ present: bookingAttendance.present })
    .from(bookingAttendance)
    .where(
      forOrg(
        bookingAttendance,
        ctx,
        eq(bookingAttendance.sessionId, session.id),
        eq(bookingAttendance.registrationId, reg.id),
      ),
    );
  if (marked?.present) throw new AppError('program_already_checked_in', 409);
  await tx
    .insert(bookingAttendance)
    .values({
      organizationId: ctx.organizationId,
      sessionId: session.id,
      registrationId: reg.id,
      present: true,
      markedAt: now,
      markedBy: ctx.actor.userId,
    })
    .onConflictDoUpdate({
      target: [bookingAttendance.sessionId, bookingAttendance.registrationId],
      set: { present: true, markedAt: now, markedBy: ctx.actor.userId },
    });
  await writeAudit(tx, ctx, {
    action: 'booking.session_check_in',
    targetType: 'booking.session',
    targetId: session.id,
    data: { programId: reg.programId, registrationId: reg.id, by: via },
  });
  if (reg.userId)
    await logPersonalDataAccessOf(tx, ctx, [reg.userId], {
      fields: ['displayName'],
      reason: 'booking.attendance.checkin',
      route,
    });
  return {
    registrationId: reg.id,
    name: reg.name,
    programTitle: ctx.locale === 'en' ? reg.titleEn : reg.titleKo,
    sessionId: session.id,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
  };
}

/** Staff on a session's roll call page check a person in to that session by their code. */
export async function checkInToSession(
  ctx: SignedInCtx,
  programId: string,
  sessionId: string,
  code: string,
  route: string,
  now = new Date(),
): Promise<SessionCheckinResult> {
  return ctx.db.transaction(async (tx) => {
    await findProgram(tx, ctx.organizationId, programId);
    const [session] = await tx
      .select({
        id: bookingProgramSessions.id,
        programId: bookingProgramSessions.programId,
        startsAt: bookingProgramSessions.startsAt,
        endsAt: bookingProgramSessions.endsAt,
      })
      .from(bookingProgramSessions)
      .where(
        forOrg(
          bookingProgramSessions,
          ctx,
          eq(bookingProgramSessions.id, sessionId),
          eq(bookingProgramSessions.programId, programId),
        ),
      );
    if (!session) throw new AppError('program_session_not_found', 404);
    const reg = await registrationByCode(tx, ctx, code, programId);
    if (!reg) throw new AppError('program_checkin_unknown', 404);
    return markPresent(tx, ctx, reg, session, 'roll', route, now);
  });
}

/**
 * A place's kiosk checks a person in by their registration code, to the session of their program
 * held at that place whose window is open; null when no registration has the code (the kiosk then
 * says the code is unknown). The room is the session's.
 */
export async function checkInAtPlace(
  ctx: SignedInCtx,
  placeId: string,
  code: string,
  route: string,
  now = new Date(),
): Promise<(SessionCheckinResult & { room: string }) | null> {
  return ctx.db.transaction(async (tx) => {
    const reg = await registrationByCode(tx, ctx, code);
    if (!reg) return null;
    const sessions = await tx
      .select({
        id: bookingProgramSessions.id,
        programId: bookingProgramSessions.programId,
        startsAt: bookingProgramSessions.startsAt,
        endsAt: bookingProgramSessions.endsAt,
        roomKo: bookingResources.nameKo,
        roomEn: bookingResources.nameEn,
      })
      .from(bookingProgramSessions)
      .innerJoin(
        bookingResources,
        and(
          eq(bookingResources.id, bookingProgramSessions.resourceId),
          eq(bookingResources.placeId, placeId),
        ),
      )
      .where(forOrg(bookingProgramSessions, ctx, eq(bookingProgramSessions.programId, reg.programId)))
      .orderBy(asc(bookingProgramSessions.startsAt));
    if (sessions.length === 0) throw new AppError('program_checkin_other_place', 409);
    const found = sessionToCheckIn(now, sessions);
    if ('refusal' in found) throw new AppError(found.refusal, 409);
    const result = await markPresent(tx, ctx, reg, found.session, 'kiosk', route, now);
    return { ...result, room: ctx.locale === 'en' ? found.session.roomEn : found.session.roomKo };
  });
}
