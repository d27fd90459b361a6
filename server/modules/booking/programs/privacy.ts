import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ModulePrivacy } from '../../../platform/modules/define.ts';
import { bookingLotteryDraws, bookingPrograms, bookingRegistrations } from './tables.ts';

// A person's registrations go with "download my data". Deleting the account withdraws the ones in
// play (their seat or place in line is simply gone; offers still pending are not passed on here, the
// next register, cancel or confirm of the program settles them) and unlinks every row from them.
// The draws keep registration ids, not people, so a deleted person's entry still re-runs the same.
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
      // tenant-scope: draws made by the deleted staff account, in every organization
      await tx
        .update(bookingLotteryDraws)
        .set({ drawnBy: null })
        .where(eq(bookingLotteryDraws.drawnBy, userId));
    },
  },
} satisfies ModulePrivacy;
