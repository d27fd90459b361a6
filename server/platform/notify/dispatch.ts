import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import { users } from '../auth/tables.ts';
import type { Db, DbOrTx } from '../db/connect.ts';
import { hasConsent } from '../privacy/consents.ts';
import type { Localized } from './kinds.ts';
import { notificationKind } from './kinds.ts';
import { sendSmtp } from './mailer.ts';
import { channelsFor } from './preferences.ts';
import { emailMessages, notifications, type OutboxRow, outbox } from './tables.ts';

export interface DispatchDeps {
  db: Db;
  config: Pick<Config, 'SMTP_URL' | 'SMTP_FROM' | 'HAMKKE_PUBLIC_URL' | 'PORT'>;
}

const MAX_ATTEMPTS = 8;

/**
 * Delivers every outbox row that is due, one row per transaction. Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so concurrent dispatchers (any number of processes) share the work
 * without taking the same row twice.
 */
export async function dispatchPending(
  deps: DispatchDeps,
  opts: { max?: number } = {},
): Promise<{ delivered: number; failed: number }> {
  const max = opts.max ?? 500;
  let delivered = 0;
  let failed = 0;
  for (let i = 0; i < max; i++) {
    let claimed: OutboxRow | null;
    try {
      claimed = await deps.db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(outbox)
          .where(
            and(isNull(outbox.dispatchedAt), isNull(outbox.failedAt), lte(outbox.nextAttemptAt, sql`now()`)),
          )
          .orderBy(asc(outbox.id))
          .limit(1)
          .for('update', { skipLocked: true });
        if (!row) return null;
        await deliverOutboxRow(tx, row, deps);
        // The delivered copies are the record now; the outbox keeps no address or text.
        await tx.update(outbox).set({ dispatchedAt: sql`now()`, payload: {} }).where(eq(outbox.id, row.id));
        return row;
      });
    } catch (err) {
      const row = (err as { outboxRow?: OutboxRow }).outboxRow;
      if (!row) throw err;
      await recordFailure(deps.db, row, err);
      failed++;
      continue;
    }
    if (!claimed) break;
    delivered++;
  }
  return { delivered, failed };
}

async function recordFailure(db: Db, row: OutboxRow, err: unknown): Promise<void> {
  const attempts = row.attempts + 1;
  const backoffSeconds = Math.min(3600, 30 * 2 ** row.attempts);
  await db
    .update(outbox)
    .set({
      attempts,
      lastError: String((err as Error)?.message ?? err).slice(0, 500),
      nextAttemptAt: sql`now() + make_interval(secs => ${backoffSeconds})`,
      failedAt: attempts >= MAX_ATTEMPTS ? sql`now()` : null,
    })
    .where(eq(outbox.id, row.id));
}

/**
 * Delivers one outbox row. Safe to run again for the same row: the unique outbox_id of the
 * notification and email tables turns a repeat into nothing.
 */
export async function deliverOutboxRow(tx: DbOrTx, row: OutboxRow, deps: DispatchDeps): Promise<void> {
  try {
    if (row.type === 'email') {
      const p = row.payload as { to: string; subject: string; text: string };
      await deliverEmail(tx, row, p, deps);
      return;
    }
    await deliverNotification(tx, row, deps);
  } catch (err) {
    // Let dispatchPending know which row failed, after its transaction rolled back.
    if (err && typeof err === 'object') Object.assign(err, { outboxRow: row });
    throw err;
  }
}

async function deliverNotification(tx: DbOrTx, row: OutboxRow, deps: DispatchDeps): Promise<void> {
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
  if (!channels.email || !user.email || !user.emailVerifiedAt) return;
  if (
    (notificationKind(row.kind)?.emailNeedsConsent ?? true) &&
    !(await hasConsent(tx, user.id, 'notifications'))
  )
    return;
  const locale = user.locale === 'en' ? 'en' : 'ko';
  const link = p.link ? `\n\n${siteUrl(deps)}${p.link}` : '';
  await deliverEmail(
    tx,
    row,
    { to: user.email, subject: p.title[locale], text: `${p.body[locale]}${link}` },
    deps,
  );
}

async function deliverEmail(
  tx: DbOrTx,
  row: OutboxRow,
  mail: { to: string; subject: string; text: string },
  deps: DispatchDeps,
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
  if (inserted.length > 0 && smtp) await sendSmtp(smtp, deps.config.SMTP_FROM, mail);
}

export const siteUrl = (deps: DispatchDeps) =>
  (deps.config.HAMKKE_PUBLIC_URL ?? `http://localhost:${deps.config.PORT}`).replace(/\/$/, '');
