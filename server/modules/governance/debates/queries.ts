import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type {
  Debate,
  DebateComment,
  DebateCommentPage,
  DebateCommentQuery,
  DebateListQuery,
  DebatePage,
  DebateSummary,
} from '../../../../contracts/governance-debates.ts';
import { users } from '../../../platform/auth/tables.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Ctx } from '../../../platform/http.ts';
import { cursorKey, decodeCursor, pageOf } from '../../../platform/paging/cursor.ts';
import { maskName } from '../../../platform/privacy/masking.ts';
import { findProcess } from '../processes/index.ts';
import { governanceDebateComments, governanceDebates } from './tables.ts';

const D = governanceDebates;
const C = governanceDebateComments;
/** Shown names are masked (김*수) for everyone, staff included, so no read here is a personal-data read. */
const shownName = (name: string | null, label: string | null) =>
  label ?? (name ? maskName(name) : '(탈퇴한 주민)');

const commentCount = sql<number>`(select count(*)::int from ${C} c where c.debate_id = "governance_debates"."id")`;
const summaryColumns = {
  id: D.id,
  title: D.title,
  closedAt: D.closedAt,
  sample: D.isSample,
  comments: commentCount,
  createdAt: D.createdAt,
  createdKey: sql<string>`${D.createdAt}::text`,
};
type SummaryRow = {
  id: string;
  title: string;
  closedAt: Date | null;
  sample: boolean;
  comments: number;
  createdAt: Date;
  createdKey: string;
};

function summaryOf(r: SummaryRow): DebateSummary {
  return {
    id: r.id,
    title: r.title,
    status: r.closedAt ? 'closed' : 'open',
    sample: r.sample,
    comments: Number(r.comments),
    createdAt: r.createdAt.toISOString(),
  };
}

const NEWEST_CURSOR = z.tuple([cursorKey.timestamp, cursorKey.uuid]);

/** A page of a process's debates, newest first (keyset on created_at, id). */
export async function listDebates(ctx: Ctx, processId: string, q: DebateListQuery): Promise<DebatePage> {
  await findProcess(ctx.db, ctx.organizationId, processId); // 404 outside the organization
  const where = [eq(D.processId, processId)];
  if (q.cursor) {
    const [c, id] = decodeCursor(q.cursor, NEWEST_CURSOR);
    where.push(sql`(${D.createdAt}, ${D.id}) < (${c}::timestamptz, ${id}::uuid)`);
  }
  const rows = await ctx.db
    .select(summaryColumns)
    .from(D)
    .where(forOrg(D, ctx, ...where))
    .orderBy(desc(D.createdAt), desc(D.id))
    .limit(q.limit + 1);
  return pageOf(rows, q.limit, (r) => [r.createdKey, r.id], summaryOf);
}

/** The debate row (for commands), 404 outside the organization. */
export async function debateRow(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(D)
    .where(forOrg(D, organizationId, eq(D.id, id)));
  if (!row) throw new AppError('governance_debate_not_found', 404);
  return row;
}

/** One debate with its stance counts, the conclusion once closed, and whether it takes comments now. */
export async function findDebate(ctx: Ctx, id: string): Promise<Debate> {
  const [row] = await ctx.db
    .select({ ...summaryColumns, processId: D.processId, question: D.question, conclusion: D.conclusion })
    .from(D)
    .where(forOrg(D, ctx, eq(D.id, id)));
  if (!row) throw new AppError('governance_debate_not_found', 404);
  const process = await findProcess(ctx.db, ctx.organizationId, row.processId);
  const counts = await ctx.db
    .select({ stance: C.stance, n: sql<number>`count(*)::int` })
    .from(C)
    .where(forOrg(C, ctx, eq(C.debateId, id)))
    .groupBy(C.stance);
  const stances = { for: 0, against: 0, neutral: 0 };
  for (const c of counts) stances[c.stance as keyof typeof stances] = Number(c.n);
  const summary = summaryOf(row);
  return {
    ...summary,
    processId: row.processId,
    processTitle: process.title,
    question: row.question,
    stances,
    conclusion:
      row.conclusion && row.closedAt ? { text: row.conclusion, closedAt: row.closedAt.toISOString() } : null,
    phaseOpen: process.open.debates,
    commentsOpen: process.open.debates && summary.status === 'open',
  };
}

const commentColumns = {
  id: C.id,
  parentId: C.parentId,
  authorName: users.displayName,
  authorLabel: C.authorLabel,
  body: C.body,
  stance: C.stance,
  createdAt: C.createdAt,
  createdKey: sql<string>`${C.createdAt}::text`,
};
type CommentRow = {
  id: string;
  parentId: string | null;
  authorName: string | null;
  authorLabel: string | null;
  body: string;
  stance: string;
  createdAt: Date;
};
const commentOf = (c: CommentRow): DebateComment => ({
  id: c.id,
  parentId: c.parentId,
  author: shownName(c.authorName, c.authorLabel),
  body: c.body,
  stance: c.stance as DebateComment['stance'],
  createdAt: c.createdAt.toISOString(),
});

/**
 * A page of a debate's top-level comments, oldest first (keyset on created_at, id), each with its
 * replies (oldest first, up to 100 per thread).
 */
export async function listComments(ctx: Ctx, id: string, q: DebateCommentQuery): Promise<DebateCommentPage> {
  await debateRow(ctx.db, ctx.organizationId, id);
  const where = [eq(C.debateId, id), isNull(C.parentId)];
  if (q.cursor) {
    const [c, cid] = decodeCursor(q.cursor, NEWEST_CURSOR);
    where.push(sql`(${C.createdAt}, ${C.id}) > (${c}::timestamptz, ${cid}::uuid)`);
  }
  const roots = await ctx.db
    .select(commentColumns)
    .from(C)
    .leftJoin(users, eq(users.id, C.authorId))
    .where(forOrg(C, ctx, ...where))
    .orderBy(asc(C.createdAt), asc(C.id))
    .limit(q.limit + 1);
  const page = pageOf(roots, q.limit, (r) => [r.createdKey, r.id]);
  const ids = page.items.map((r) => r.id);
  const replies =
    ids.length === 0
      ? []
      : await ctx.db
          .select({
            ...commentColumns,
            rank: sql<number>`row_number() over (partition by ${C.parentId} order by ${C.createdAt}, ${C.id})`,
          })
          .from(C)
          .leftJoin(users, eq(users.id, C.authorId))
          .where(forOrg(C, ctx, and(eq(C.debateId, id), inArray(C.parentId, ids))))
          .orderBy(asc(C.createdAt), asc(C.id));
  const byParent = new Map<string, DebateComment[]>();
  for (const r of replies) {
    if (Number(r.rank) > 100 || !r.parentId) continue;
    byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), commentOf(r)]);
  }
  return {
    items: page.items.map((r) => ({ ...commentOf(r), replies: byParent.get(r.id) ?? [] })),
    nextCursor: page.nextCursor,
  };
}
