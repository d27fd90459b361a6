import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { hashToken, newToken } from '../auth/sessions.ts';
import { users } from '../auth/tables.ts';
import type { DbOrTx } from '../db/connect.ts';
import type { Locale } from '../i18n/locale.ts';
import { calendarFeeds } from './tables.ts';

// A person's feed address holds a secret (32 random bytes); only its SHA-256 is stored, like
// sessions. One feed per person and organization: making a new one ends the old address at once.

export interface FeedOwnerKey {
  organizationId: string;
  userId: string;
}

/** Writes of last_used_at are spaced out: calendar apps poll often and the owner needs only the hour. */
const TOUCH_AFTER = sql`now() - interval '1 hour'`;

/** The feed's address; the secret goes in the query, whose values our logs never hold (paths they do). */
export const FEED_PATH = '/api/v1/calendar/feed.ics';
export const feedPath = (token: string) => `${FEED_PATH}?token=${token}`;

/** Makes (or remakes) the person's feed; returns the secret, which exists nowhere else afterwards. */
export async function createFeed(db: DbOrTx, who: FeedOwnerKey): Promise<{ token: string; createdAt: Date }> {
  const token = newToken();
  const [row] = await db
    .insert(calendarFeeds)
    .values({ ...who, tokenHash: hashToken(token) })
    .onConflictDoUpdate({
      target: [calendarFeeds.organizationId, calendarFeeds.userId],
      set: { tokenHash: hashToken(token), createdAt: sql`now()`, lastUsedAt: null },
    })
    .returning({ createdAt: calendarFeeds.createdAt });
  return { token, createdAt: row.createdAt };
}

/** Ends the person's feed address; false when there was none. */
export async function revokeFeed(db: DbOrTx, who: FeedOwnerKey): Promise<boolean> {
  const gone = await db
    .delete(calendarFeeds)
    .where(and(eq(calendarFeeds.organizationId, who.organizationId), eq(calendarFeeds.userId, who.userId)))
    .returning({ userId: calendarFeeds.userId });
  return gone.length > 0;
}

export async function feedStatus(db: DbOrTx, who: FeedOwnerKey) {
  const [row] = await db
    .select({ createdAt: calendarFeeds.createdAt, lastUsedAt: calendarFeeds.lastUsedAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.organizationId, who.organizationId), eq(calendarFeeds.userId, who.userId)));
  return {
    active: Boolean(row),
    createdAt: row?.createdAt.toISOString() ?? null,
    lastUsedAt: row?.lastUsedAt?.toISOString() ?? null,
  };
}

/**
 * Whose feed the secret opens in this organization (the Host's): null for an unknown, replaced or
 * revoked secret, another organization's feed, or a deleted account.
 */
export async function feedOwner(
  db: DbOrTx,
  organizationId: string,
  token: string,
): Promise<{ userId: string; locale: Locale } | null> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({ userId: calendarFeeds.userId, locale: users.locale })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(
      and(
        eq(calendarFeeds.tokenHash, tokenHash),
        eq(calendarFeeds.organizationId, organizationId),
        isNull(users.deletedAt),
      ),
    );
  if (!row) return null;
  await db
    .update(calendarFeeds)
    .set({ lastUsedAt: sql`date_trunc('hour', now())` })
    .where(
      and(
        eq(calendarFeeds.tokenHash, tokenHash),
        or(isNull(calendarFeeds.lastUsedAt), lt(calendarFeeds.lastUsedAt, TOUCH_AFTER)),
      ),
    );
  return { userId: row.userId, locale: row.locale as Locale };
}
