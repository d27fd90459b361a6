import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../db/connect.ts';
import { forOrg } from '../db/tenant.ts';
import { AppError } from '../errors.ts';
import type { SignedInCtx } from '../http.ts';
import { cursorKey, decodeCursor, encodeCursor } from '../paging/cursor.ts';
import { logPersonalDataAccessOf } from '../privacy/access-log.ts';
import { notificationKind } from './kinds.ts';
import { emailMessages, notifications, smsMessages } from './tables.ts';

type Who = { userId: string; organizationId: string };

const mine = (who: Who) => forOrg(notifications, who.organizationId, eq(notifications.userId, who.userId));

// The sort key of a page's last row.
const CURSOR = z.tuple([cursorKey.timestamp, cursorKey.uuid]);

export async function listNotifications(
  db: DbOrTx,
  who: Who,
  locale: 'ko' | 'en',
  page: { cursor?: string; limit: number },
) {
  const after = page.cursor ? decodeCursor(page.cursor, CURSOR) : null;
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      titleKo: notifications.titleKo,
      titleEn: notifications.titleEn,
      bodyKo: notifications.bodyKo,
      bodyEn: notifications.bodyEn,
      link: notifications.link,
      itemCount: notifications.itemCount,
      items: notifications.items,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      exact: sql<string>`${notifications.createdAt}::text`,
    })
    .from(notifications)
    .where(
      and(
        mine(who),
        after
          ? sql`(${notifications.createdAt}, ${notifications.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(page.limit + 1);
  const more = rows.length > page.limit;
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => ({
      id: r.id,
      kind: r.kind,
      category: categoryOf(r.kind, locale),
      title: locale === 'en' ? r.titleEn : r.titleKo,
      body: locale === 'en' ? r.bodyEn : r.bodyKo,
      link: r.link,
      count: r.itemCount,
      items: r.items.map((i) => ({ title: i.title[locale], link: i.link })),
      readAt: r.readAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: more && last ? encodeCursor([last.exact, last.id]) : null,
    unread: await unreadCount(db, who),
  };
}

/** The heading a kind is gathered under: its category, else its label (a kind no longer declared: 'other'). */
function categoryOf(kind: string, locale: 'ko' | 'en'): string {
  const def = notificationKind(kind);
  if (!def) return locale === 'en' ? 'Other' : '기타';
  return (def.category ?? def.label)[locale];
}

export async function unreadCount(db: DbOrTx, who: Who): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(mine(who), isNull(notifications.readAt)));
  return row.count;
}

/** Marks one of the person's notifications read; someone else's is "not found". */
export async function markRead(db: DbOrTx, who: Who, id: string): Promise<void> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(mine(who), eq(notifications.id, id)))
    .returning({ id: notifications.id });
  if (!row) throw new AppError('not_found', 404);
}

export async function markAllRead(db: DbOrTx, who: Who): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(mine(who), isNull(notifications.readAt)));
}

const presentMail = (r: typeof emailMessages.$inferSelect) => ({
  id: r.id,
  to: r.toAddress,
  subject: r.subject,
  text: r.bodyText ?? '',
  createdAt: r.createdAt.toISOString(),
});

const mailbox = (organizationId: string) =>
  forOrg(emailMessages, organizationId, eq(emailMessages.transport, 'dev_mailbox'));

/**
 * Reads of the dev mailbox (emails kept because mail goes nowhere else: demo mode or
 * HAMKKE_DEV_MAILBOX=1) show other people's addresses and mail: one access-log record per person
 * shown, in the same transaction as the read. Without the dev mailbox the routes do not exist (404).
 */
async function readMailbox<T extends { userId: string | null }>(
  ctx: SignedInCtx,
  route: string,
  reason: string,
  read: (tx: DbOrTx) => Promise<T[]>,
): Promise<T[]> {
  if (!ctx.config.devMailbox) throw new AppError('not_found', 404);
  return ctx.db.transaction(async (tx) => {
    const rows = await read(tx);
    const others = rows.flatMap((r) => (r.userId && r.userId !== ctx.actor.userId ? [r.userId] : []));
    await logPersonalDataAccessOf(tx, ctx, others, { fields: ['email', 'emailText'], reason, route });
    return rows;
  });
}

/** The dev mailbox of the actor's organization, newest first. */
export async function listDevMailbox(ctx: SignedInCtx, route: string) {
  const rows = await readMailbox(ctx, route, 'notify.devMailbox.list', (tx) =>
    tx
      .select()
      .from(emailMessages)
      .where(mailbox(ctx.organizationId))
      .orderBy(desc(emailMessages.createdAt), desc(emailMessages.id))
      .limit(100),
  );
  return rows.map(presentMail);
}

export async function getDevMail(ctx: SignedInCtx, route: string, id: string) {
  const [row] = await readMailbox(ctx, route, 'notify.devMailbox.read', (tx) =>
    tx
      .select()
      .from(emailMessages)
      .where(and(eq(emailMessages.id, id), mailbox(ctx.organizationId))),
  );
  if (!row) throw new AppError('not_found', 404);
  return presentMail(row);
}

/** The text messages of the actor's organization (admins): numbers and texts, each person's read logged. */
export async function listSmsMessages(ctx: SignedInCtx, route: string) {
  const rows = await ctx.db.transaction(async (tx) => {
    const found = await tx
      .select()
      .from(smsMessages)
      .where(forOrg(smsMessages, ctx.organizationId))
      .orderBy(desc(smsMessages.createdAt))
      .limit(100);
    const others = found.flatMap((r) => (r.userId && r.userId !== ctx.actor.userId ? [r.userId] : []));
    await logPersonalDataAccessOf(tx, ctx, others, {
      fields: ['mobileNumber', 'smsText'],
      reason: 'notify.smsOutbox.list',
      route,
    });
    return found;
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      to: r.toNumber,
      kind: r.kind,
      provider: r.provider,
      body: r.body,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
