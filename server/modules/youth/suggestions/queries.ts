import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Suggestion, SuggestionStatus } from '../../../../contracts/youth-questions.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { isStaff } from '../../../platform/access/actor.ts';
import { users } from '../../../platform/auth/tables.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { maskName } from '../../../platform/privacy/masking.ts';
import { youthSuggestions } from './tables.ts';

const LIST_LIMIT = 200;

function select(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({ s: youthSuggestions, authorName: users.displayName })
    .from(youthSuggestions)
    .leftJoin(users, eq(users.id, youthSuggestions.authorId))
    .where(where);
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

/** Newest first; the latest 200 (paging is not built yet). */
export async function listSuggestions(
  db: DbOrTx,
  organizationId: string,
  actor: Actor,
  filter: { status?: SuggestionStatus; authorId?: string },
) {
  const rows = await select(
    db,
    and(
      eq(youthSuggestions.organizationId, organizationId),
      filter.status ? eq(youthSuggestions.status, filter.status) : undefined,
      filter.authorId ? eq(youthSuggestions.authorId, filter.authorId) : undefined,
    ),
  )
    .orderBy(desc(youthSuggestions.createdAt), desc(youthSuggestions.id))
    .limit(LIST_LIMIT);
  return rows.map((r) => presentSuggestion(r, actor));
}

export async function findSuggestion(db: DbOrTx, organizationId: string, id: string, actor: Actor) {
  const [row] = await select(
    db,
    and(eq(youthSuggestions.organizationId, organizationId), eq(youthSuggestions.id, id)),
  );
  return row ? presentSuggestion(row, actor) : null;
}
