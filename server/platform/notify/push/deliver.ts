import { and, eq, isNull, sql } from 'drizzle-orm';
import webpush from 'web-push';
import type { Config } from '../../../config.ts';
import { users } from '../../auth/tables.ts';
import type { DbOrTx } from '../../db/connect.ts';
import { type PushPayload, readPayload } from '../payloads.ts';
import type { PendingSend } from '../sends.ts';
import { type OutboxRow, pushDeliveries, pushSubscriptions } from '../tables.ts';
import { normalizePushEndpoint } from './allowed-hosts.ts';
import { PushHttpError, postPush } from './send.ts';
import { vapidKeys, vapidSubject } from './vapid.ts';

export type { PushPayload };

export interface PushDeps {
  config: Pick<
    Config,
    | 'HAMKKE_VAPID_PUBLIC_KEY'
    | 'HAMKKE_VAPID_PRIVATE_KEY'
    | 'HAMKKE_VAPID_SUBJECT'
    | 'HAMKKE_PUBLIC_URL'
    | 'SMTP_FROM'
    | 'HAMKKE_PUSH_HOSTS'
    | 'HAMKKE_TEST_PUSH_ALLOW_LOOPBACK'
  >;
  /** An extra certificate authority for push services (tests trust their own local push service). */
  pushCa?: string;
}

/**
 * Prepares one outbox row's push to every subscription of the person, inside the row's
 * transaction: the ledger row (unique per outbox row and subscription) is written and the message
 * encrypted and signed; the sends happen after commit. A retry skips the subscriptions already
 * reached. A failed send removes its ledger row (so a retry sends it) and a subscription the push
 * service no longer knows (404/410), or whose endpoint is no longer acceptable, is removed.
 */
export async function preparePush(tx: DbOrTx, row: OutboxRow, deps: PushDeps): Promise<PendingSend[]> {
  if (!row.userId) return [];
  const p = readPayload(row, 'push');
  const [user] = await tx
    .select({ locale: users.locale })
    .from(users)
    .where(and(eq(users.id, row.userId), isNull(users.deletedAt)));
  if (!user) return [];
  const locale = user.locale === 'en' ? 'en' : 'ko';
  const subs = await tx.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, row.userId));
  if (subs.length === 0) return [];
  const keys = await vapidKeys(tx, deps.config);
  const sends: PendingSend[] = [];
  for (const sub of subs) {
    // Stored before the host rules were strict: never requested, and forgotten.
    const endpoint = normalizePushEndpoint(sub.endpoint, deps.config);
    if (!endpoint) {
      await tx.delete(pushSubscriptions).where(eq(pushSubscriptions.id, sub.id));
      continue;
    }
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
      // A group's later push replaces its earlier one on the device instead of piling up.
      ...(p.group ? { tag: p.group } : {}),
    });
    const details = webpush.generateRequestDetails(
      { endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
      message,
      { vapidDetails: { subject: vapidSubject(deps.config), ...keys }, TTL: 24 * 3600 },
    );
    sends.push({
      send: () =>
        postPush(details, {
          allowLoopback: deps.config.HAMKKE_TEST_PUSH_ALLOW_LOOPBACK === true,
          ca: deps.pushCa,
        }),
      async failed(tx, err) {
        await tx.delete(pushDeliveries).where(eq(pushDeliveries.id, delivery.id));
        const status = err instanceof PushHttpError ? err.statusCode : undefined;
        if (status === 404 || status === 410) {
          await tx.delete(pushSubscriptions).where(eq(pushSubscriptions.id, sub.id));
          return null;
        }
        return `push ${String((err as Error)?.message ?? err)}`;
      },
    });
  }
  return sends;
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
