import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import { users } from '../auth/tables.ts';
import type { Db, DbOrTx } from '../db/connect.ts';
import { hasConsent } from '../privacy/consents.ts';
import type { Localized } from './kinds.ts';
import { notificationKind } from './kinds.ts';
import { sendSmtp } from './mailer.ts';
import { channelsFor } from './preferences.ts';
import { deliverPush, type PushDeps, type PushPayload } from './push/deliver.ts';
import { quietUntil } from './quiet-hours.ts';
import { settingsFor } from './settings.ts';
import { deliverSms, type SmsPayload } from './sms/deliver.ts';
import type { SmsProvider } from './sms/provider.ts';
import {
  emailDigestItems,
  emailMessages,
  notifications,
  type OutboxRow,
  outbox,
  pushSubscriptions,
} from './tables.ts';
import { oneClickUrl, unsubscribePageUrl, unsubscribeToken } from './unsubscribe.ts';

export interface DispatchDeps extends PushDeps {
  db: Db;
  config: Pick<Config, 'SMTP_URL' | 'SMTP_FROM' | 'HAMKKE_PUBLIC_URL' | 'PORT'> & PushDeps['config'];
  /** The SMS / 알림톡 provider; the record provider (sms_messages only) when not given. */
  sms?: SmsProvider;
}

const MAX_ATTEMPTS = 8;

/** What delivering one row came to: done, a later retry, or waiting out the quiet hours. */
type Outcome = { retry?: string; deferUntil?: Date };

/**
 * Delivers every outbox row that is due, one row per transaction. Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so concurrent dispatchers (any number of processes) share the work
 * without taking the same row twice. `now` is for tests of quiet hours.
 */
export async function dispatchPending(
  deps: DispatchDeps,
  opts: { max?: number; now?: Date } = {},
): Promise<{ delivered: number; failed: number; deferred: number }> {
  const max = opts.max ?? 500;
  const count = { delivered: 0, failed: 0, deferred: 0 };
  for (let i = 0; i < max; i++) {
    const now = opts.now ?? new Date(); // quiet hours are read against this clock
    let claimed: 'delivered' | 'failed' | 'deferred' | null;
    try {
      claimed = await deps.db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(outbox)
          .where(
            and(
              isNull(outbox.dispatchedAt),
              isNull(outbox.failedAt),
              lte(outbox.nextAttemptAt, opts.now ?? sql`now()`),
            ),
          )
          .orderBy(asc(outbox.id))
          .limit(1)
          .for('update', { skipLocked: true });
        if (!row) return null;
        const outcome = await deliverOutboxRow(tx, row, deps, now);
        if (outcome.deferUntil) {
          await tx.update(outbox).set({ nextAttemptAt: outcome.deferUntil }).where(eq(outbox.id, row.id));
          return 'deferred';
        }
        if (outcome.retry) {
          // What was reached stays recorded (push ledger); the row comes back for the rest.
          await recordFailure(tx, row, outcome.retry);
          return 'failed';
        }
        // The delivered copies are the record now; the outbox keeps no address or text.
        // The source of a push/SMS/email copy stays: delivering that source again finds it.
        await tx
          .update(outbox)
          .set({
            dispatchedAt: sql`now()`,
            payload: sql`jsonb_strip_nulls(jsonb_build_object('source', ${outbox.payload}->'source'))`,
          })
          .where(eq(outbox.id, row.id));
        return 'delivered';
      });
    } catch (err) {
      const row = (err as { outboxRow?: OutboxRow }).outboxRow;
      if (!row) throw err;
      await recordFailure(deps.db, row, String((err as Error)?.message ?? err));
      count.failed++;
      continue;
    }
    if (!claimed) break;
    count[claimed]++;
  }
  return count;
}

async function recordFailure(db: DbOrTx, row: OutboxRow, error: string): Promise<void> {
  const attempts = row.attempts + 1;
  const backoffSeconds = Math.min(3600, 30 * 2 ** row.attempts);
  await db
    .update(outbox)
    .set({
      attempts,
      lastError: error.slice(0, 500),
      nextAttemptAt: sql`now() + make_interval(secs => ${backoffSeconds})`,
      failedAt: attempts >= MAX_ATTEMPTS ? sql`now()` : null,
    })
    .where(eq(outbox.id, row.id));
}

/**
 * Delivers one outbox row. Safe to run again for the same row: the unique outbox_id of the
 * notification, email and SMS tables, and the (outbox, subscription) key of the push ledger, turn
 * a repeat into nothing.
 */
export async function deliverOutboxRow(
  tx: DbOrTx,
  row: OutboxRow,
  deps: DispatchDeps,
  now: Date = new Date(),
): Promise<Outcome> {
  try {
    switch (row.type) {
      case 'email': {
        const p = row.payload as { to: string; locale?: 'ko' | 'en'; subject: string; text: string };
        // Alert emails (a known kind, to a person) follow the person's settings; account emails go now.
        if (row.userId && notificationKind(row.kind))
          return await routeAlertEmail(tx, row, { ...p, locale: p.locale ?? 'ko' }, deps, now, 'self');
        await deliverEmail(tx, row, p, deps);
        return {};
      }
      case 'push': {
        const until = await quietFor(tx, row, now);
        if (until) return { deferUntil: until };
        const retry = await deliverPush(tx, row, deps);
        return retry ? { retry } : {};
      }
      case 'sms': {
        const until = await quietFor(tx, row, now);
        if (until) return { deferUntil: until };
        await deliverSms(tx, row, {
          sms: deps.sms,
          site: siteUrl(deps),
          unsubscribeUrl: async (kind) =>
            unsubscribePageUrl(siteUrl(deps), await unsubscribeToken(tx, row.userId as string, kind)),
        });
        return {};
      }
      default:
        await deliverNotification(tx, row, deps, now);
        return {};
    }
  } catch (err) {
    // Let dispatchPending know which row failed, after its transaction rolled back.
    if (err && typeof err === 'object') Object.assign(err, { outboxRow: row });
    throw err;
  }
}

const hasPushSubscription = async (tx: DbOrTx, userId: string) =>
  (
    await tx
      .select({ id: pushSubscriptions.id })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, userId))
      .limit(1)
  ).length > 0;

const quietFor = async (tx: DbOrTx, row: OutboxRow, now: Date) =>
  row.userId ? quietUntil((await settingsFor(tx, row.userId)).quietHours, now) : null;

async function deliverNotification(tx: DbOrTx, row: OutboxRow, deps: DispatchDeps, now: Date): Promise<void> {
  const p = row.payload as { title: Localized; body: Localized; link: string | null };
  if (!row.userId || !row.organizationId) return;
  const [user] = await tx.select().from(users).where(eq(users.id, row.userId));
  if (!user || user.deletedAt) return;
  const channels = await channelsFor(tx, user.id, row.kind);
  if (channels.inApp) {
    await tx
      .insert(notifications)
      .values({
        organizationId: row.organizationId,
        userId: user.id,
        outboxId: row.id,
        kind: row.kind,
        titleKo: p.title.ko,
        titleEn: p.title.en,
        bodyKo: p.body.ko,
        bodyEn: p.body.en,
        link: p.link,
      })
      .onConflictDoNothing({ target: notifications.outboxId });
  }
  // Email, push and SMS of most kinds need the optional 'notifications' consent (맞춤 알림 수신).
  if (!channels.email && !channels.push && !channels.sms) return;
  if (
    (notificationKind(row.kind)?.emailNeedsConsent ?? true) &&
    !(await hasConsent(tx, user.id, 'notifications'))
  )
    return;
  // Push and SMS go out as rows of their own: each is retried (and waits out quiet hours) alone.
  // Delivering this row again adds no second copy: a repeat finds them by source.
  const extra: Array<{ type: 'push' | 'sms'; payload: PushPayload | SmsPayload }> = [];
  if (channels.push && (await hasPushSubscription(tx, user.id)))
    extra.push({ type: 'push', payload: { title: p.title, body: p.body, link: p.link, kind: row.kind } });
  if (channels.sms && (await settingsFor(tx, user.id)).mobileNumber)
    extra.push({ type: 'sms', payload: { title: p.title, link: p.link, kind: row.kind } });
  for (const e of extra) await enqueueChannelRow(tx, row, e.type, e.payload);
  if (!channels.email || !user.email || !user.emailVerifiedAt) return;
  const locale = user.locale === 'en' ? 'en' : 'ko';
  const link = p.link ? `\n\n${siteUrl(deps)}${p.link}` : '';
  await routeAlertEmail(
    tx,
    row,
    { to: user.email, locale, subject: p.title[locale], text: `${p.body[locale]}${link}` },
    deps,
    now,
    'copy',
  );
}

/** A push/SMS/email row made from a notification row, once: the source id is kept in the payload. */
async function enqueueChannelRow(
  tx: DbOrTx,
  source: OutboxRow,
  type: 'push' | 'sms' | 'email',
  payload: object,
  nextAttemptAt?: Date,
): Promise<void> {
  const [existing] = await tx
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.type, type),
        sql`${outbox.payload}->>'source' = ${String(source.id)}`,
        eq(outbox.userId, source.userId as string),
      ),
    );
  if (existing) return;
  await tx.insert(outbox).values({
    organizationId: source.organizationId,
    userId: source.userId,
    type,
    kind: source.kind,
    payload: { ...payload, source: String(source.id) },
    ...(nextAttemptAt ? { nextAttemptAt } : {}),
  });
}

/**
 * An email of a notification kind to a person: into their daily digest if they chose one (alerts
 * only); else, inside their quiet
 * hours, held until the hours end (the row itself waits, or — for a notification row whose bell
 * entry is already written — a copy of the email does); else sent now with its unsubscribe link.
 */
async function routeAlertEmail(
  tx: DbOrTx,
  row: OutboxRow,
  mail: { to: string; locale: 'ko' | 'en'; subject: string; text: string },
  deps: DispatchDeps,
  now: Date,
  hold: 'self' | 'copy',
): Promise<Outcome> {
  const userId = row.userId as string;
  const settings = await settingsFor(tx, userId);
  // The digest takes alerts only: a notice about the person's own request (a reply) goes the same day.
  if (settings.emailDigest && (notificationKind(row.kind)?.emailNeedsConsent ?? true)) {
    await tx
      .insert(emailDigestItems)
      .values({
        organizationId: row.organizationId,
        userId,
        sourceOutboxId: row.id,
        kind: row.kind,
        subject: mail.subject,
        bodyText: mail.text,
      })
      .onConflictDoNothing({ target: emailDigestItems.sourceOutboxId });
    return {};
  }
  const until = quietUntil(settings.quietHours, now);
  if (until) {
    if (hold === 'self') return { deferUntil: until };
    await enqueueChannelRow(tx, row, 'email', mail, until);
    return {};
  }
  const token = await unsubscribeToken(tx, userId, row.kind);
  const site = siteUrl(deps);
  const footer =
    mail.locale === 'en'
      ? `\n\n--\nStop these emails (${notificationKind(row.kind)?.label.en}): ${unsubscribePageUrl(site, token)}`
      : `\n\n--\n이 알림(${notificationKind(row.kind)?.label.ko}) 수신 거부: ${unsubscribePageUrl(site, token)}`;
  await deliverEmail(tx, row, { to: mail.to, subject: mail.subject, text: `${mail.text}${footer}` }, deps, {
    'List-Unsubscribe': `<${oneClickUrl(site, token)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  });
  return {};
}

async function deliverEmail(
  tx: DbOrTx,
  row: OutboxRow,
  mail: { to: string; subject: string; text: string },
  deps: DispatchDeps,
  headers?: Record<string, string>,
): Promise<void> {
  const smtp = deps.config.SMTP_URL;
  const inserted = await tx
    .insert(emailMessages)
    .values({
      organizationId: row.organizationId,
      userId: row.userId,
      outboxId: row.id,
      transport: smtp ? 'smtp' : 'dev_mailbox',
      toAddress: mail.to,
      subject: mail.subject,
      bodyText: smtp ? null : mail.text,
    })
    .onConflictDoNothing({ target: emailMessages.outboxId })
    .returning({ id: emailMessages.id });
  // Sent while the row is held: if sending fails, the ledger row rolls back and a retry sends it.
  if (inserted.length > 0 && smtp) await sendSmtp(smtp, deps.config.SMTP_FROM, { ...mail, headers });
}

export const siteUrl = (deps: Pick<DispatchDeps, 'config'>) =>
  (deps.config.HAMKKE_PUBLIC_URL ?? `http://localhost:${deps.config.PORT}`).replace(/\/$/, '');
