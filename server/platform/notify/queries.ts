import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.ts';
import { AppError } from '../errors.ts';
import { emailMessages, notifications } from './tables.ts';

type Who = { userId: string; organizationId: string };

const mine = (who: Who) =>
  and(eq(notifications.userId, who.userId), eq(notifications.organizationId, who.organizationId));

// Cursor: the last row's exact created_at (as PostgreSQL prints it, microseconds kept) and id.
const encodeCursor = (createdAt: string, id: string) =>
  Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
function decodeCursor(cursor: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === 'string' &&
      !Number.isNaN(Date.parse(v[0])) &&
      /^[0-9a-f-]{36}$/.test(v[1])
    )
      return [v[0], v[1]];
  } catch {
    // falls through to the error below
  }
  throw new AppError('validation_failed', 400, {}, [{ field: 'querystring.cursor', code: 'invalid_cursor' }]);
}

export async function listNotifications(
  db: DbOrTx,
  who: Who,
  locale: 'ko' | 'en',
  page: { cursor?: string; limit: number },
) {
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      titleKo: notifications.titleKo,
      titleEn: notifications.titleEn,
      bodyKo: notifications.bodyKo,
      bodyEn: notifications.bodyEn,
      link: notifications.link,
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
      title: locale === 'en' ? r.titleEn : r.titleKo,
      body: locale === 'en' ? r.bodyEn : r.bodyKo,
      link: r.link,
      readAt: r.readAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: more && last ? encodeCursor(last.exact, last.id) : null,
    unread: await unreadCount(db, who),
  };
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

/** The dev mailbox of one organization: emails kept because no SMTP server is configured. */
export async function listDevMailbox(db: DbOrTx, organizationId: string) {
  const rows = await db
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.organizationId, organizationId), eq(emailMessages.transport, 'dev_mailbox')))
    .orderBy(desc(emailMessages.createdAt), desc(emailMessages.id))
    .limit(100);
  return rows.map(presentMail);
}

export async function getDevMail(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(emailMessages)
    .where(
      and(
        eq(emailMessages.id, id),
        eq(emailMessages.organizationId, organizationId),
        eq(emailMessages.transport, 'dev_mailbox'),
      ),
    );
  if (!row) throw new AppError('not_found', 404);
  return presentMail(row);
}
