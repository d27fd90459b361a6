import { and, eq, inArray, min, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type {
  AppealState,
  ModerationStatus,
  ModerationTarget,
  MyModerationItem,
  MyModerationPage,
  MyModerationQuery,
  QueueItem,
  QueuePage,
  QueueQuery,
} from '../../../../contracts/governance-moderation.ts';
import { queryRows } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Ctx, SignedInCtx } from '../../../platform/http.ts';
import { cursorKey, decodeCursor, pageOf } from '../../../platform/paging/cursor.ts';
import type { WorkQueue } from '../../../platform/staff/work-queues.ts';
import { governanceModerationItems, governanceModerationReports } from './tables.ts';

const I = governanceModerationItems;

/** True where the proposal or comment whose id is `id` is hidden (by reports or by staff). */
export const hiddenWhere = (type: ModerationTarget, id: SQL | unknown): SQL<boolean> =>
  sql<boolean>`exists (select 1 from ${I} where ${I.targetType} = ${type} and ${I.targetId} = ${id} and ${I.state} in ('auto_hidden', 'hidden'))`;

/**
 * Where the author's appeal against the current hiding stands. An appeal is kept with its item until
 * a new hiding starts (then it is cleared, and one appeal may be made again): waiting while staff have
 * not decided since it came in, then accepted if staff showed the post again, rejected if it stays hidden.
 */
export function appealStateOf(row: {
  state: string;
  appealedAt: Date | null;
  decidedAt: Date | null;
}): AppealState {
  if (!row.appealedAt) return 'none';
  if (!row.decidedAt || row.decidedAt.getTime() < row.appealedAt.getTime()) return 'pending';
  return row.state === 'restored' ? 'accepted' : 'rejected';
}

/** An item's moderation state as its author or staff see it (404 when nobody reported or moderated it). */
export async function statusOf(ctx: Ctx, type: ModerationTarget, id: string): Promise<ModerationStatus> {
  const [row] = await ctx.db
    .select()
    .from(I)
    .where(forOrg(I, ctx, eq(I.targetType, type), eq(I.targetId, id)));
  if (!row) throw new AppError('governance_moderation_target_not_found', 404);
  return {
    targetType: type,
    targetId: id,
    state: row.state as ModerationStatus['state'],
    hidden: row.state === 'auto_hidden' || row.state === 'hidden',
    reports: row.reports,
    reason: row.reason,
    appeal: row.appeal,
    appealState: appealStateOf(row),
  };
}

const MINE_CURSOR = z.tuple([cursorKey.timestamp, z.enum(['proposal', 'comment']), cursorKey.uuid]);

interface MineRow {
  targetType: ModerationTarget;
  targetId: string;
  proposalId: string;
  proposalTitle: string;
  body: string;
  state: MyModerationItem['state'];
  reason: string | null;
  appeal: string | null;
  appealedAt: string | null;
  decidedAt: string | null;
  firstReportedAt: string;
  key: string;
}

/**
 * The caller's own posts that are hidden now or whose appeal was answered, newest first, a page at
 * a time (내 글 숨김 안내): only ever the caller's, so nobody else reads a hidden post here.
 */
export async function myModeration(ctx: SignedInCtx, q: MyModerationQuery): Promise<MyModerationPage> {
  const after = q.cursor
    ? (() => {
        const [at, type, id] = decodeCursor(q.cursor, MINE_CURSOR);
        return sql`and (i.first_reported_at, i.target_type, i.target_id) < (${at}::timestamptz, ${type}, ${id}::uuid)`;
      })()
    : sql``;
  const inProposal = q.proposalId ? sql`and i.proposal_id = ${q.proposalId}` : sql``;
  const rows = await queryRows<MineRow>(
    ctx.db,
    sql`select i.target_type as "targetType", i.target_id as "targetId", i.proposal_id as "proposalId",
               p.title as "proposalTitle", coalesce(c.body, p.body) as body, i.state, i.reason, i.appeal,
               i.appealed_at as "appealedAt", i.decided_at as "decidedAt",
               i.first_reported_at as "firstReportedAt", i.first_reported_at::text as key
          from governance_moderation_items i
          join governance_proposals p on p.id = i.proposal_id
          left join governance_proposal_comments c on i.target_type = 'comment' and c.id = i.target_id
         where i.organization_id = ${ctx.organizationId} and i.author_id = ${ctx.actor.userId}
           and (i.state in ('auto_hidden', 'hidden') or i.appealed_at is not null)
           and (i.target_type = 'proposal' or c.id is not null) ${inProposal} ${after}
         order by i.first_reported_at desc, i.target_type desc, i.target_id desc
         limit ${q.limit + 1}`,
  );
  const date = (v: string | null) => (v === null ? null : new Date(v));
  return pageOf(
    rows,
    q.limit,
    (r) => [r.key, r.targetType, r.targetId],
    (r): MyModerationItem => {
      const decidedAt = date(r.decidedAt);
      return {
        targetType: r.targetType,
        targetId: r.targetId,
        proposalId: r.proposalId,
        proposalTitle: r.proposalTitle,
        excerpt: r.body.length > EXCERPT ? `${r.body.slice(0, EXCERPT)}…` : r.body,
        state: r.state,
        hidden: r.state === 'auto_hidden' || r.state === 'hidden',
        // A reason staff gave before the reports hid it again is not this hiding's reason.
        reason: r.state === 'auto_hidden' ? null : r.reason,
        appeal: r.appeal,
        appealState: appealStateOf({ state: r.state, appealedAt: date(r.appealedAt), decidedAt }),
        changedAt: (decidedAt ?? new Date(r.firstReportedAt)).toISOString(),
      };
    },
  );
}

const QUEUE_CURSOR = z.tuple([cursorKey.timestamp, z.enum(['proposal', 'comment']), cursorKey.uuid]);
const EXCERPT = 300;

interface QueueRow {
  targetType: ModerationTarget;
  targetId: string;
  proposalId: string;
  title: string;
  body: string;
  state: QueueItem['state'];
  reports: number;
  appeal: string | null;
  appealedAt: string | null;
  decidedAt: string | null;
  firstReportedAt: string;
  key: string;
}

/**
 * The staff queue: reported, hidden-by-reports and appealed items waiting for a decision, oldest
 * first, a page at a time. Staff see the words as written (not masked): they decide on them.
 */
export async function moderationQueue(ctx: Ctx, q: QueueQuery): Promise<QueuePage> {
  const after = q.cursor
    ? (() => {
        const [at, type, id] = decodeCursor(q.cursor, QUEUE_CURSOR);
        return sql`and (i.first_reported_at, i.target_type, i.target_id) > (${at}::timestamptz, ${type}, ${id}::uuid)`;
      })()
    : sql``;
  const rows = await queryRows<QueueRow>(
    ctx.db,
    sql`select i.target_type as "targetType", i.target_id as "targetId", i.proposal_id as "proposalId",
               p.title, coalesce(c.body, p.body) as body, i.state, i.reports, i.appeal,
               i.appealed_at as "appealedAt", i.decided_at as "decidedAt",
               i.first_reported_at as "firstReportedAt", i.first_reported_at::text as key
          from governance_moderation_items i
          join governance_proposals p on p.id = i.proposal_id
          left join governance_proposal_comments c on i.target_type = 'comment' and c.id = i.target_id
         where i.organization_id = ${ctx.organizationId} and i.needs_review ${after}
           and (i.target_type = 'proposal' or c.id is not null)
         order by i.first_reported_at, i.target_type, i.target_id
         limit ${q.limit + 1}`,
  );
  const ids = rows.map((r) => r.targetId);
  const R = governanceModerationReports;
  const reasons =
    ids.length === 0
      ? []
      : await ctx.db
          .select({ targetId: R.targetId, reason: R.reason, count: sql<number>`count(*)::int` })
          .from(R)
          .where(forOrg(R, ctx, inArray(R.targetId, ids)))
          .groupBy(R.targetId, R.reason)
          .orderBy(R.targetId, R.reason);
  return pageOf(
    rows,
    q.limit,
    (r) => [r.key, r.targetType, r.targetId],
    (r): QueueItem => ({
      targetType: r.targetType,
      targetId: r.targetId,
      proposalId: r.proposalId,
      title: r.title,
      excerpt: r.body.length > EXCERPT ? `${r.body.slice(0, EXCERPT)}…` : r.body,
      state: r.state,
      reports: Number(r.reports),
      reasons: reasons
        .filter((x) => x.targetId === r.targetId)
        .map((x) => ({ reason: x.reason as QueueItem['reasons'][number]['reason'], count: Number(x.count) })),
      appeal: r.appeal,
      appealState: appealStateOf({
        state: r.state,
        appealedAt: r.appealedAt === null ? null : new Date(r.appealedAt),
        decidedAt: r.decidedAt === null ? null : new Date(r.decidedAt),
      }),
      firstReportedAt: new Date(r.firstReportedAt).toISOString(),
    }),
  );
}

// The staff home's view of reported and appealed posts, oldest first (looked at within a working day).
export const moderationWorkQueue: WorkQueue = {
  kind: 'governance.moderation',
  labelKey: 'staff.queue.governance.moderation',
  link: '/governance/staff/moderation',
  action: 'governance.moderation.review',
  targetWorkingDays: 1,
  state: async (db, { organizationId, overdueBefore }) => {
    const [row] = await db
      .select({
        count: sql<number>`count(*)::int`,
        oldest: min(I.firstReportedAt),
        overdue: sql<number>`(count(*) filter (where ${I.firstReportedAt} < ${(overdueBefore ?? new Date(0)).toISOString()}::timestamptz))::int`,
      })
      .from(I)
      .where(forOrg(I, organizationId, and(eq(I.needsReview, true))));
    return {
      count: Number(row?.count ?? 0),
      oldestCreatedAt: row?.oldest ? new Date(row.oldest) : null,
      overdueCount: Number(row?.overdue ?? 0),
    };
  },
};
