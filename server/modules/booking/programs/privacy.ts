import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ModulePrivacy } from '../../../platform/modules/define.ts';
import {
  bookingAttendance,
  bookingCertificates,
  bookingLotteryDraws,
  bookingProgramSessions,
  bookingPrograms,
  bookingRegistrations,
  bookingSurveys,
} from './tables.ts';

// A person's registrations go with "download my data". Deleting the account withdraws the ones in
// play (their seat or place in line is simply gone; offers still pending are not passed on here, the
// next register, cancel or confirm of the program settles them) and unlinks every row from them.
// The draws keep registration ids, not people, so a deleted person's entry still re-runs the same.
// Attendance, certificates and survey answers hang on the registration: once it is unlinked they
// name nobody (a survey answer stays in the program's anonymous results).
export const programPrivacy = {
  exporters: {
    programRegistrations: async (db, userId) =>
      db
        .select({
          program: bookingPrograms.titleKo,
          status: bookingRegistrations.status,
          offeredUntil: bookingRegistrations.offeredUntil,
          createdAt: bookingRegistrations.createdAt,
          updatedAt: bookingRegistrations.updatedAt,
        })
        .from(bookingRegistrations)
        .innerJoin(bookingPrograms, eq(bookingPrograms.id, bookingRegistrations.programId))
        // tenant-scope: a person's own rows, wherever they registered (the export covers them all)
        .where(eq(bookingRegistrations.userId, userId))
        .orderBy(asc(bookingRegistrations.createdAt)),
    programAttendance: async (db, userId) =>
      db
        .select({
          program: bookingPrograms.titleKo,
          sessionStartsAt: bookingProgramSessions.startsAt,
          present: bookingAttendance.present,
        })
        .from(bookingAttendance)
        .innerJoin(bookingRegistrations, eq(bookingRegistrations.id, bookingAttendance.registrationId))
        .innerJoin(bookingProgramSessions, eq(bookingProgramSessions.id, bookingAttendance.sessionId))
        .innerJoin(bookingPrograms, eq(bookingPrograms.id, bookingRegistrations.programId))
        // tenant-scope: a person's own rows, wherever they attended
        .where(eq(bookingRegistrations.userId, userId))
        .orderBy(asc(bookingProgramSessions.startsAt)),
    programCertificates: async (db, userId) =>
      db
        .select({
          program: bookingPrograms.titleKo,
          number: bookingCertificates.number,
          issuedAt: bookingCertificates.issuedAt,
        })
        .from(bookingCertificates)
        .innerJoin(bookingRegistrations, eq(bookingRegistrations.id, bookingCertificates.registrationId))
        .innerJoin(bookingPrograms, eq(bookingPrograms.id, bookingRegistrations.programId))
        // tenant-scope: a person's own rows, wherever they were issued
        .where(eq(bookingRegistrations.userId, userId)),
    programSurveys: async (db, userId) =>
      db
        .select({
          program: bookingPrograms.titleKo,
          overall: bookingSurveys.overall,
          recommend: bookingSurveys.recommend,
          comment: bookingSurveys.comment,
          createdAt: bookingSurveys.createdAt,
        })
        .from(bookingSurveys)
        .innerJoin(bookingRegistrations, eq(bookingRegistrations.id, bookingSurveys.registrationId))
        .innerJoin(bookingPrograms, eq(bookingPrograms.id, bookingSurveys.programId))
        // tenant-scope: a person's own answers, wherever they gave them
        .where(eq(bookingRegistrations.userId, userId)),
  },
  erasers: {
    programRegistrations: async (tx, userId) => {
      await tx
        .update(bookingRegistrations)
        .set({ status: 'cancelled', updatedAt: new Date() })
        .where(
          and(
            // tenant-scope: the deleted account's own rows in every organization
            eq(bookingRegistrations.userId, userId),
            inArray(bookingRegistrations.status, ['applied', 'confirmed', 'waiting', 'offered']),
          ),
        );
      // tenant-scope: the deleted account's own rows in every organization
      await tx
        .update(bookingRegistrations)
        .set({ userId: null })
        .where(eq(bookingRegistrations.userId, userId));
      // tenant-scope: roll calls taken by the deleted staff account, in every organization
      await tx
        .update(bookingAttendance)
        .set({ markedBy: null })
        .where(eq(bookingAttendance.markedBy, userId));
      // tenant-scope: draws made by the deleted staff account, in every organization
      await tx
        .update(bookingLotteryDraws)
        .set({ drawnBy: null })
        .where(eq(bookingLotteryDraws.drawnBy, userId));
    },
  },
} satisfies ModulePrivacy;
