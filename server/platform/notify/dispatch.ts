import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import { users } from '../auth/tables.ts';
import type { Db, DbOrTx } from '../db/connect.ts';
import { hasConsent } from '../privacy/consents.ts';
import { notificationKind } from './kinds.ts';
import { sendSmtp } from './mailer.ts';
import { readPayload } from './payloads.ts';
import { channelsFor } from './preferences.ts';
import { type PushDeps, type PushPayload, preparePush } from './push/deliver.ts';
import { quietUntil } from './quiet-hours.ts';
import { type PendingSend, SEND_TIMEOUT_MS, withTimeout } from './sends.ts';
import { settingsFor } from './settings.ts';
import { prepareSms, type SmsPayload } from './sms/deliver.ts';
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
  config: Pick<Config, 'SMTP_URL' | 'SMTP_FROM' | 'HAMKKE_PUBLIC_URL' | 'PORT' | 'devMailbox'> &
    PushDeps['config'];
  /** The SMS / 알림톡 provider; the record provider (sms_messages only) when not given. */
  sms?: SmsProvider;
}

const MAX_ATTEMPTS = 8;
/** How long a claimed row is left to its dispatcher: far longer than a row's sends can take. */
const CLAIM_LEASE = sql`interval '5 minutes'`;

/** What preparing one row came to: done (after its sends), a later retry, or waiting out the quiet hours. */
type Outcome = { retry?: string; deferUntil?: Date; sends?: PendingSend[] };
type Result = 'delivered' | 'failed' | 'deferred';

/**
 * Delivers every outbox row that is due. Each row is claimed by one statement (FOR UPDATE SKIP
 * LOCKED, then a lease), so concurrent dispatchers (any number of processes) never take the same
 * row; it is prepared in a short transaction (bell entry, ledger rows, follow-up rows); its network
 * sends run with no transaction open — on PGlite's single connection a held transaction would
 * stop every page — and the outcome is recorded in a second short transaction. `now` is for tests
 * of quiet hours.
 */
export async function dispatchPending(
  deps: DispatchDeps,
  opts: { max?: number; now?: Date } = {},
): Promise<{ delivered: number; failed: number; deferred: number }> {
  const max = opts.max ?? 500;
  const count = { delivered: 0, failed: 0, deferred: 0 };
  for (let i = 0; i < max; i++) {
    const row = await claimNext(deps.db, opts.now);
    if (!row) break;
    count[await dispatchRow(deps, row, opts.now ?? new Date())]++;
  }
  return count;
}

async function claimNext(db: Db, now?: Date): Promise<OutboxRow | null> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        isNull(outbox.dispatchedAt),
        isNull(outbox.failedAt),
        lte(outbox.nextAttemptAt, now ?? sql`now()`),
        or(isNull(outbox.claimedUntil), lt(outbox.claimedUntil, sql`now()`)),
      ),
    )
    .orderBy(asc(outbox.id))
    .limit(1)
    .for('update', { skipLocked: true });
  const [row] = await db
    .update(outbox)
    .set({ claimId: sql`gen_random_uuid()`, claimedUntil: sql`now() + ${CLAIM_LEASE}` })
    .where(inArray(outbox.id, due))
    .returning();
  return row ?? null;
}

async function dispatchRow(deps: DispatchDeps, row: OutboxRow, now: Date): Promise<Result> {
  let outcome: Outcome;
  try {
    outcome = await deps.db.transaction((tx) => deliverOutboxRow(tx, row, deps, now));
  } catch (err) {
    outcome = { retry: String((err as Error)?.message ?? err) };
  }
  const sends = outcome.sends ?? [];
  const failures = await Promise.all(
    sends.map((s) =>
      s.send().then(
        () => null,
        (err: unknown) => ({ s, err }),
      ),
    ),
  );
  return deps.db.transaction(async (tx) => {
    // A claim that ran out was taken by another dispatcher: the outcome is theirs to record.
    const [mine] = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.id, row.id), eq(outbox.claimId, row.claimId as string)))
      .for('update');
    if (!mine) return 'failed';
    let retry = outcome.retry ?? null;
    for (const f of failures) if (f) retry = (await f.s.failed(tx, f.err)) ?? retry;
    if (outcome.deferUntil) {
      await tx
        .update(outbox)
        .set({ nextAttemptAt: outcome.deferUntil, claimId: null, claimedUntil: null })
        .where(eq(outbox.id, row.id));
      return 'deferred';
    }
    if (retry) {
      // What was reached stays recorded (ledgers); the row comes back for the rest.
      const attempts = row.attempts + 1;
      const backoffSeconds = Math.min(3600, 30 * 2 ** row.attempts);
      await tx
        .update(outbox)
        .set({
          attempts,
          lastError: retry.slice(0, 500),
          nextAttemptAt: sql`now() + make_interval(secs => ${backoffSeconds})`,
          failedAt: attempts >= MAX_ATTEMPTS ? sql`now()` : null,
          claimId: null,
          claimedUntil: null,
        })
        .where(eq(outbox.id, row.id));
      return 'failed';
    }
    // The delivered copies are the record now; the outbox keeps no address or text.
    // The source of a push/SMS/email copy stays: delivering that source again finds it.
    await tx
      .update(outbox)
      .set({
        dispatchedAt: sql`now()`,
        payload: sql`jsonb_strip_nulls(jsonb_build_object('source', ${outbox.payload}->'source'))`,
        claimId: null,
        claimedUntil: null,
      })
      .where(eq(outbox.id, row.id));
    return 'delivered';
  });
}

/**
 * Prepares one outbox row, in the caller's transaction: the bell entry, follow-up rows and the
 * ledger rows of its sends (returned, to be made after commit). Safe to run again for the same
 * row: the unique outbox_id of the notification, email and SMS tables, and the (outbox,
 * subscription) key of the push ledger, turn a repeat into nothing.
 */
export async function deliverOutboxRow(
  tx: DbOrTx,
  row: OutboxRow,
  deps: DispatchDeps,
  now: Date = new Date(),
): Promise<Outcome> {
  switch (row.type) {
    case 'email': {
      const p = readPayload(row, 'email');
      // Alert emails (a known kind, to a person) follow the person's settings; account emails go now.
      if (row.userId && notificationKind(row.kind))
        return routeAlertEmail(tx, row, { ...p, locale: p.locale ?? 'ko' }, deps, now, 'self');
      return sent(await prepareEmail(tx, row, p, deps));
    }
    case 'push': {
      const until = await quietFor(tx, row, now);
      if (until) return { deferUntil: until };
      return { sends: await preparePush(tx, row, deps) };
    }
    case 'sms': {
      const until = await quietFor(tx, row, now);
      if (until) return { deferUntil: until };
      return sent(
        await prepareSms(tx, row, {
          sms: deps.sms,
          site: siteUrl(deps),
          unsubscribeUrl: async (kind) =>
            unsubscribePageUrl(siteUrl(deps), await unsubscribeToken(tx, row.userId as string, kind)),
        }),
      );
    }
    default:
      return deliverNotification(tx, row, deps, now);
  }
}

const sent = (send: PendingSend | null): Outcome => (send ? { sends: [send] } : {});

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

async function deliverNotification(
  tx: DbOrTx,
  row: OutboxRow,
  deps: DispatchDeps,
  now: Date,
): Promise<Outcome> {
  const p = readPayload(row, 'notification');
  if (!row.userId || !row.organizationId) return {};
  const [user] = await tx.select().from(users).where(eq(users.id, row.userId));
  if (!user || user.deletedAt) return {};
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
  if (!channels.email && !channels.push && !channels.sms) return {};
  if (
    (notificationKind(row.kind)?.emailNeedsConsent ?? true) &&
    !(await hasConsent(tx, user.id, 'notifications'))
  )
    return {};
  // Push and SMS go out as rows of their own: each is retried (and waits out quiet hours) alone.
  // Delivering this row again adds no second copy: a repeat finds them by source.
  const extra: Array<{ type: 'push' | 'sms'; payload: PushPayload | SmsPayload }> = [];
  if (channels.push && (await hasPushSubscription(tx, user.id)))
    extra.push({ type: 'push', payload: { title: p.title, body: p.body, link: p.link, kind: row.kind } });
  if (channels.sms && (await settingsFor(tx, user.id)).mobileNumber)
    extra.push({ type: 'sms', payload: { title: p.title, link: p.link, kind: row.kind } });
  for (const e of extra) await enqueueChannelRow(tx, row, e.type, e.payload);
  if (!channels.email || !user.email || !user.emailVerifiedAt) return {};
  const locale = user.locale === 'en' ? 'en' : 'ko';
  const link = p.link ? `\n\n${siteUrl(deps)}${p.link}` : '';
  return routeAlertEmail(
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
  return sent(
    await prepareEmail(tx, row, { to: mail.to, subject: mail.subject, text: `${mail.text}${footer}` }, deps, {
      'List-Unsubscribe': `<${oneClickUrl(site, token)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    }),
  );
}

/**
 * Records one email, once per outbox row, by how this server handles mail: over SMTP (sent after
 * commit, no text kept), into the dev mailbox (demo mode or HAMKKE_DEV_MAILBOX=1: the text kept for
 * the organization's admins), or — neither configured — as not sent ('disabled', no text kept).
 */
async function prepareEmail(
  tx: DbOrTx,
  row: OutboxRow,
  mail: { to: string; subject: string; text: string },
  deps: DispatchDeps,
  headers?: Record<string, string>,
): Promise<PendingSend | null> {
  const smtp = deps.config.SMTP_URL;
  const transport = smtp ? 'smtp' : deps.config.devMailbox ? 'dev_mailbox' : 'disabled';
  const [inserted] = await tx
    .insert(emailMessages)
    .values({
      organizationId: row.organizationId,
      userId: row.userId,
      outboxId: row.id,
      transport,
      toAddress: mail.to,
      subject: mail.subject,
      bodyText: transport === 'dev_mailbox' ? mail.text : null,
    })
    .onConflictDoNothing({ target: emailMessages.outboxId })
    .returning({ id: emailMessages.id });
  if (!inserted || !smtp) return null;
  return {
    send: () =>
      withTimeout(sendSmtp(smtp, deps.config.SMTP_FROM, { ...mail, headers }), SEND_TIMEOUT_MS * 2, 'smtp'),
    async failed(tx, err) {
      await tx.delete(emailMessages).where(eq(emailMessages.id, inserted.id));
      return `smtp ${String((err as Error)?.message ?? err)}`;
    },
  };
}

export const siteUrl = (deps: Pick<DispatchDeps, 'config'>) =>
  (deps.config.HAMKKE_PUBLIC_URL ?? `http://localhost:${deps.config.PORT}`).replace(/\/$/, '');
