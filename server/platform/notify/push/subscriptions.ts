import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/connect.ts';
import { AppError } from '../../errors.ts';
import { pushSubscriptions } from '../tables.ts';

export interface NewSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** A short device label from the User-Agent ("Chrome · Android"), so people can tell devices apart. */
export function deviceLabel(userAgent: string): string {
  const browser =
    [
      [/Edg\//, 'Edge'],
      [/SamsungBrowser\//, 'Samsung Internet'],
      [/Whale\//, 'Whale'],
      [/Firefox\//, 'Firefox'],
      [/Chrome\//, 'Chrome'],
      [/Safari\//, 'Safari'],
    ].find(([re]) => (re as RegExp).test(userAgent))?.[1] ?? '';
  const os =
    [
      [/Android/, 'Android'],
      [/iPhone|iPad|iOS/, 'iOS'],
      [/Windows/, 'Windows'],
      [/Mac OS X|Macintosh/, 'macOS'],
      [/Linux/, 'Linux'],
    ].find(([re]) => (re as RegExp).test(userAgent))?.[1] ?? '';
  return [browser, os].filter(Boolean).join(' · ').slice(0, 100);
}

/** Devices one person may have for Web Push: every alert is sent to each of them. */
export const MAX_PUSH_SUBSCRIPTIONS = 10;

/**
 * Stores the browser's subscription for the person (the endpoint already checked and normalised).
 * The endpoint is unique: a browser that was subscribed for someone else (shared computer, other
 * account) now belongs to this person only. A person has at most MAX_PUSH_SUBSCRIPTIONS devices.
 */
export async function addSubscription(db: Db, userId: string, sub: NewSubscription, userAgent: string) {
  return db.transaction(async (tx) => {
    // One person's concurrent subscribes count one after another.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('push_subscriptions'), hashtext(${userId}))`);
    const [others] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(pushSubscriptions)
      .where(and(eq(pushSubscriptions.userId, userId), ne(pushSubscriptions.endpoint, sub.endpoint)));
    if (others.n >= MAX_PUSH_SUBSCRIPTIONS)
      throw new AppError('push_subscriptions_limit', 409, { max: MAX_PUSH_SUBSCRIPTIONS });
    return present(await upsert(tx, userId, sub, userAgent));
  });
}

async function upsert(tx: DbOrTx, userId: string, sub: NewSubscription, userAgent: string) {
  const [row] = await tx
    .insert(pushSubscriptions)
    .values({
      userId,
      endpoint: sub.endpoint,
      p256dh: sub.keys.p256dh,
      auth: sub.keys.auth,
      userAgent: deviceLabel(userAgent),
    })
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: {
        userId,
        p256dh: sub.keys.p256dh,
        auth: sub.keys.auth,
        userAgent: deviceLabel(userAgent),
        createdAt: sql`now()`,
      },
    })
    .returning();
  return row;
}

const present = (r: typeof pushSubscriptions.$inferSelect) => ({
  id: r.id,
  label: r.userAgent,
  endpointHost: new URL(r.endpoint).host,
  createdAt: r.createdAt.toISOString(),
});

export async function listSubscriptions(db: DbOrTx, userId: string) {
  const rows = await db
    .select()
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, userId))
    .orderBy(asc(pushSubscriptions.createdAt));
  return { items: rows.map(present) };
}

/** Removes one of the person's subscriptions; someone else's is "not found". */
export async function removeSubscription(db: DbOrTx, userId: string, id: string): Promise<void> {
  const [row] = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.id, id), eq(pushSubscriptions.userId, userId)))
    .returning({ id: pushSubscriptions.id });
  if (!row) throw new AppError('not_found', 404);
}
