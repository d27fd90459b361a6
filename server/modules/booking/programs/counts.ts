import { and, eq, gte, lt, lte, sql } from 'drizzle-orm';
import { PROGRAM_KINDS, type ProgramCount } from '../../../../contracts/booking-programs.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { bookingAttendance, bookingProgramSessions, bookingPrograms } from './tables.ts';

/**
 * Programs held in a calendar year (Korea time) by kind, for the administration's plan targets
 * ("briefings at least twice a year"): programs with a session held that year, the sessions held
 * (ended by `now`), and the people marked present at them. Every kind is listed, with zeros.
 */
export async function programCountsByKindAndYear(
  db: DbOrTx,
  organizationId: string,
  year: number,
  now = new Date(),
): Promise<ProgramCount[]> {
  const from = new Date(`${year}-01-01T00:00:00+09:00`);
  const to = new Date(`${year + 1}-01-01T00:00:00+09:00`);
  const s = bookingProgramSessions;
  const held = and(gte(s.startsAt, from), lt(s.startsAt, to), lte(s.endsAt, now));
  const sessions = await db
    .select({
      kind: bookingPrograms.kind,
      programs: sql<number>`count(distinct ${s.programId})::int`,
      sessions: sql<number>`count(*)::int`,
    })
    .from(s)
    .innerJoin(bookingPrograms, eq(bookingPrograms.id, s.programId))
    .where(forOrg(s, organizationId, held))
    .groupBy(bookingPrograms.kind);
  const attendees = await db
    .select({
      kind: bookingPrograms.kind,
      people: sql<number>`count(distinct ${bookingAttendance.registrationId})::int`,
    })
    .from(bookingAttendance)
    .innerJoin(s, eq(s.id, bookingAttendance.sessionId))
    .innerJoin(bookingPrograms, eq(bookingPrograms.id, s.programId))
    .where(forOrg(bookingAttendance, organizationId, eq(bookingAttendance.present, true), held))
    .groupBy(bookingPrograms.kind);
  const byKind = new Map(sessions.map((r) => [r.kind, r]));
  const people = new Map(attendees.map((r) => [r.kind, Number(r.people)]));
  return PROGRAM_KINDS.map((kind) => ({
    kind,
    programs: Number(byKind.get(kind)?.programs ?? 0),
    sessions: Number(byKind.get(kind)?.sessions ?? 0),
    attendees: people.get(kind) ?? 0,
  }));
}
