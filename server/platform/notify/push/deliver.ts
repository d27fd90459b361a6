import type { Agent } from 'node:https';
import { and, eq, isNull, sql } from 'drizzle-orm';
import webpush from 'web-push';
import type { Config } from '../../../config.ts';
import { users } from '../../auth/tables.ts';
import type { DbOrTx } from '../../db/connect.ts';
import type { Localized } from '../kinds.ts';
import { type OutboxRow, pushDeliveries, pushSubscriptions } from '../tables.ts';
import { vapidKeys, vapidSubject } from './vapid.ts';

/** What a 'push' outbox row carries. */
export interface PushPayload {
  title: Localized;
  body: Localized;
  link: string | null;
  kind: string;
}

export interface PushDeps {
  config: Pick<
    Config,
    | 'HAMKKE_VAPID_PUBLIC_KEY'
    | 'HAMKKE_VAPID_PRIVATE_KEY'
    | 'HAMKKE_VAPID_SUBJECT'
    | 'HAMKKE_PUBLIC_URL'
    | 'SMTP_FROM'
  >;
  /** TLS agent for push services (tests trust their own local push service with it). */
  pushAgent?: Agent;
}

/**
 * Pushes one outbox row to every subscription of the person. The ledger row (unique per outbox
 * row and subscription) is written before sending and kept on success, so a retry skips the
 * subscriptions already reached. A subscription the push service no longer knows (404/410) is
 * removed. Returns the error to retry with when some subscription could not be reached now.
 */
export async function deliverPush(tx: DbOrTx, row: OutboxRow, deps: PushDeps): Promise<string | null> {
  if (!row.userId) return null;
  const p = row.payload as unknown as PushPayload;
  const [user] = await tx
    .select({ locale: users.locale })
    .from(users)
    .where(and(eq(users.id, row.userId), isNull(users.deletedAt)));
  if (!user) return null;
  const locale = user.locale === 'en' ? 'en' : 'ko';
  const subs = await tx.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, row.userId));
  if (subs.length === 0) return null;
  const keys = await vapidKeys(tx, deps.config);
  let retry: string | null = null;
  for (const sub of subs) {
    const [delivery] = await tx
      .insert(pushDeliveries)
      .values({
        outboxId: row.id,
        subscriptionId: sub.id,
        userId: row.userId,
        organizationId: row.organizationId,
        kind: p.kind ?? row.kind,
      })
      .onConflictDoNothing()
      .returning({ id: pushDeliveries.id });
    if (!delivery) continue; // reached on an earlier attempt
    const message = JSON.stringify({
      title: p.title[locale],
      body: p.body[locale],
      link: p.link,
      kind: p.kind ?? row.kind,
      deliveryId: delivery.id,
    });
    try {
      await webpush.sendNotification(
        { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
        message,
        {
          vapidDetails: { subject: vapidSubject(deps.config), ...keys },
          TTL: 24 * 3600,
          timeout: 10_000,
          ...(deps.pushAgent ? { agent: deps.pushAgent } : {}),
        },
      );
    } catch (err) {
      await tx.delete(pushDeliveries).where(eq(pushDeliveries.id, delivery.id));
      const status = (err as { statusCode?: number }).statusCode;
      if (status === 404 || status === 410) {
        await tx.delete(pushSubscriptions).where(eq(pushSubscriptions.id, sub.id));
        continue;
      }
      retry = `push ${status ?? ''} ${String((err as Error)?.message ?? err)}`.trim();
    }
  }
  return retry;
}

/** The service worker's report that a pushed notification was clicked. Repeats change nothing. */
export async function markPushOpened(db: DbOrTx, deliveryId: string): Promise<boolean> {
  const rows = await db
    .update(pushDeliveries)
    .set({ openedAt: sql`coalesce(${pushDeliveries.openedAt}, now())` })
    .where(eq(pushDeliveries.id, deliveryId))
    .returning({ id: pushDeliveries.id });
  return rows.length > 0;
}
