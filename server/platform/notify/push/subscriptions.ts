import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connect.ts';
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

/**
 * Stores the browser's subscription for the person. The endpoint is unique: a browser that was
 * subscribed for someone else (shared computer, other account) now belongs to this person only.
 */
export async function addSubscription(db: DbOrTx, userId: string, sub: NewSubscription, userAgent: string) {
  const [row] = await db
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
  return present(row);
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
