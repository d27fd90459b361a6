import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ModulePrivacy } from '../../platform/modules/define.ts';
import { bookingBookings, bookingResources, bookingSuspensions } from './tables.ts';

// A person's bookings and booking suspensions (with appeals) go with "download my data". Deleting the account cancels their bookings still
// to come (freeing the rooms) and unlinks every row from them; the rows stay for the usage counts.
export const privacy = {
  exporters: {
    bookings: async (db, userId) =>
      db
        .select({
          resource: bookingResources.nameKo,
          start: sql<string>`lower(${bookingBookings.period})::text`,
          end: sql<string>`upper(${bookingBookings.period})::text`,
          status: bookingBookings.status,
          purpose: bookingBookings.purpose,
          people: bookingBookings.people,
          cancelReason: bookingBookings.cancelReason,
          createdAt: bookingBookings.createdAt,
        })
        .from(bookingBookings)
        .innerJoin(bookingResources, eq(bookingResources.id, bookingBookings.resourceId))
        .where(eq(bookingBookings.userId, userId))
        .orderBy(asc(bookingBookings.createdAt)),
    bookingSuspensions: async (db, userId) =>
      db
        .select({
          startsAt: bookingSuspensions.startsAt,
          endsAt: bookingSuspensions.endsAt,
          noShows: bookingSuspensions.noShows,
          liftedAt: bookingSuspensions.liftedAt,
          appealText: bookingSuspensions.appealText,
          appealedAt: bookingSuspensions.appealedAt,
          appealStatus: bookingSuspensions.appealStatus,
          decisionReason: bookingSuspensions.decisionReason,
        })
        .from(bookingSuspensions)
        .where(eq(bookingSuspensions.userId, userId))
        .orderBy(asc(bookingSuspensions.createdAt)),
  },
  erasers: {
    bookings: async (tx, userId) => {
      await tx
        .update(bookingBookings)
        .set({ status: 'cancelled', cancelledAt: new Date(), cancelReason: '탈퇴 / account deleted' })
        .where(
          and(
            eq(bookingBookings.userId, userId),
            inArray(bookingBookings.status, ['requested', 'confirmed']),
            sql`upper(${bookingBookings.period}) > now()`,
          ),
        );
      await tx.update(bookingBookings).set({ userId: null }).where(eq(bookingBookings.userId, userId));
      await tx
        .update(bookingBookings)
        .set({ cancelledBy: null })
        .where(eq(bookingBookings.cancelledBy, userId));
      await tx
        .update(bookingBookings)
        .set({ checkedInBy: null })
        .where(eq(bookingBookings.checkedInBy, userId));
    },
    // A person's suspensions and appeals go with them; staff who decided or lifted are unlinked.
    bookingSuspensions: async (tx, userId) => {
      await tx.delete(bookingSuspensions).where(eq(bookingSuspensions.userId, userId));
      await tx
        .update(bookingSuspensions)
        .set({ liftedBy: null })
        .where(eq(bookingSuspensions.liftedBy, userId));
      await tx
        .update(bookingSuspensions)
        .set({ decidedBy: null })
        .where(eq(bookingSuspensions.decidedBy, userId));
    },
  },
} satisfies ModulePrivacy;
