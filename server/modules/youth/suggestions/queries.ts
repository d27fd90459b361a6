import { desc, eq, type SQL } from 'drizzle-orm';
import type { Suggestion, SuggestionStatus } from '../../../../contracts/youth-questions.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { isStaff } from '../../../platform/access/actor.ts';
import { users } from '../../../platform/auth/tables.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import type { Ctx } from '../../../platform/http.ts';
import { logPersonalDataAccessOf } from '../../../platform/privacy/access-log.ts';
import { maskName } from '../../../platform/privacy/masking.ts';
import { youthSuggestions } from './tables.ts';

const LIST_LIMIT = 200;

/** One organization's suggestions with the author's name. */
function select(db: DbOrTx, organizationId: string, ...where: (SQL | undefined)[]) {
  return db
    .select({ s: youthSuggestions, authorName: users.displayName })
    .from(youthSuggestions)
    .leftJoin(users, eq(users.id, youthSuggestions.authorId))
    .where(forOrg(youthSuggestions, organizationId, ...where));
}

type Row = { s: typeof youthSuggestions.$inferSelect; authorName: string | null };

/** The author's name in full for them and for staff; masked for everyone else. */
export function presentSuggestion({ s, authorName }: Row, actor: Actor): Suggestion {
  const mine = s.authorId !== null && s.authorId === actor.userId;
  return {
    id: s.id,
    title: s.title,
    body: s.body,
    field: s.field,
    status: s.status,
    reply: s.reply,
    repliedAt: s.repliedAt?.toISOString() ?? null,
    author: authorName === null ? null : mine || isStaff(actor) ? authorName : maskName(authorName),
    mine,
    createdAt: s.createdAt.toISOString(),
  };
}

/**
 * Staff see authors' names unmasked, a read of other people's personal data: one access-log record
 * per author shown (never oneself), in the transaction that reads them.
 */
async function logAuthorsShown(tx: DbOrTx, ctx: Ctx, rows: Row[], route: string, reason: string) {
  const { actor } = ctx;
  if (!actor.signedIn || !isStaff(actor)) return; // a public list: only staff see names in full
  const others = rows.flatMap(({ s }) => (s.authorId && s.authorId !== actor.userId ? [s.authorId] : []));
  await logPersonalDataAccessOf(tx, { ...ctx, actor }, others, { fields: ['displayName'], reason, route });
}

/** Newest first; the latest 200 (paging is not built yet). */
export async function listSuggestions(
  ctx: Ctx,
  filter: { status?: SuggestionStatus; authorId?: string },
  route: string,
) {
  const read = async (tx: DbOrTx) => {
    const rows = await select(
      tx,
      ctx.organizationId,
      filter.status ? eq(youthSuggestions.status, filter.status) : undefined,
      filter.authorId ? eq(youthSuggestions.authorId, filter.authorId) : undefined,
    )
      .orderBy(desc(youthSuggestions.createdAt), desc(youthSuggestions.id))
      .limit(LIST_LIMIT);
    await logAuthorsShown(tx, ctx, rows, route, 'youth.suggestions.list');
    return rows;
  };
  const rows = isStaff(ctx.actor) ? await ctx.db.transaction(read) : await read(ctx.db);
  return rows.map((r) => presentSuggestion(r, ctx.actor));
}

/** One suggestion as the actor sees it, inside the caller's transaction; staff reading the author are logged. */
export async function findSuggestion(tx: DbOrTx, ctx: Ctx, id: string, route: string, reason: string) {
  const [row] = await select(tx, ctx.organizationId, eq(youthSuggestions.id, id));
  if (!row) return null;
  await logAuthorsShown(tx, ctx, [row], route, reason);
  return presentSuggestion(row, ctx.actor);
}
