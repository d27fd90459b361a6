import { eq } from 'drizzle-orm';
import type { ModulePrivacy } from '../modules/define.ts';
import { calendarFeeds } from './tables.ts';

// A feed says that the person subscribed and when a calendar app last fetched it: theirs to download
// (never the secret's hash, which is of no use to them) and gone with the account.
export const privacy = {
  exporters: {
    calendarFeeds: async (db, userId) =>
      db
        .select({
          organizationId: calendarFeeds.organizationId,
          createdAt: calendarFeeds.createdAt,
          lastUsedAt: calendarFeeds.lastUsedAt,
        })
        .from(calendarFeeds)
        .where(eq(calendarFeeds.userId, userId)),
  },
  erasers: {
    calendarFeeds: async (tx, userId) => {
      await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
    },
  },
} satisfies ModulePrivacy;
