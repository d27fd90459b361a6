import { asc, desc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type {
  Poll,
  PollList,
  PollResults,
  PollState,
  PollSummary,
  StaffPoll,
} from '../../../../contracts/governance-polls.ts';
import { isStaff } from '../../../platform/access/actor.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Ctx } from '../../../platform/http.ts';
import { cursorKey, decodeCursor, pageOf } from '../../../platform/paging/cursor.ts';
import { dateInSeoul } from '../../../platform/time/index.ts';
import { checkVoter, eligibleCount, isVerified } from './eligibility.ts';
import {
  governanceBallotChoices,
  governanceBallots,
  governancePollOptions,
  governancePolls,
} from './tables.ts';

export type PollRow = typeof governancePolls.$inferSelect;

export function stateOf(poll: Pick<PollRow, 'opensAt' | 'closesAt'>, now = new Date()): PollState {
  if (now < poll.opensAt) return 'upcoming';
  return now < poll.closesAt ? 'open' : 'closed';
}

/** Anyone may read results of a closed poll or a live one; staff always. */
export const resultsAvailable = (ctx: Ctx, poll: PollRow, now = new Date()) =>
  isStaff(ctx.actor) || poll.resultsVisibility === 'live' || stateOf(poll, now) === 'closed';

const voters = sql<number>`(select count(*)::int from governance_ballots b where b.poll_id = governance_polls.id)`;

export async function loadPoll(db: DbOrTx, ctx: Ctx, id: string): Promise<PollRow> {
  const [row] = await db
    .select()
    .from(governancePolls)
    .where(forOrg(governancePolls, ctx, eq(governancePolls.id, id)));
  if (!row) throw new AppError('governance_poll_not_found', 404);
  return row;
}

export async function loadOptions(db: DbOrTx, ctx: Ctx, pollId: string) {
  return db
    .select({
      id: governancePollOptions.id,
      label: governancePollOptions.label,
      description: governancePollOptions.description,
    })
    .from(governancePollOptions)
    .where(forOrg(governancePollOptions, ctx, eq(governancePollOptions.pollId, pollId)))
    .orderBy(asc(governancePollOptions.position));
}

function summary(row: PollRow, voterCount: number, now: Date): PollSummary {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as PollSummary['kind'],
    maxChoices: row.maxChoices,
    state: stateOf(row, now),
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    sample: row.isSample,
    voters: Number(voterCount),
  };
}

// The list is ordered by closing time (soonest first while open, latest first once closed), then id.
const ListCursor = z.tuple([cursorKey.timestamp, cursorKey.uuid]);

export async function listPolls(
  ctx: Ctx,
  q: { state: 'open' | 'closed'; cursor?: string; limit: number },
): Promise<PollList> {
  const now = new Date();
  const open = q.state === 'open';
  const after = q.cursor ? decodeCursor(q.cursor, ListCursor) : null;
  const key = sql`(${governancePolls.closesAt}, ${governancePolls.id})`;
  const rows = await ctx.db
    .select({ poll: governancePolls, voters, key: sql<string>`${governancePolls.closesAt}::text` })
    .from(governancePolls)
    .where(
      forOrg(
        governancePolls,
        ctx,
        open ? gt(governancePolls.closesAt, now) : lte(governancePolls.closesAt, now),
        after
          ? open
            ? sql`${key} > (${after[0]}::timestamptz, ${after[1]}::uuid)`
            : sql`${key} < (${after[0]}::timestamptz, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(
      open ? asc(governancePolls.closesAt) : desc(governancePolls.closesAt),
      open ? asc(governancePolls.id) : desc(governancePolls.id),
    )
    .limit(q.limit + 1);
  return pageOf(
    rows,
    q.limit,
    (r) => [r.key, r.poll.id],
    (r) => summary(r.poll, r.voters, now),
  );
}

async function voterCount(db: DbOrTx, ctx: Ctx, pollId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(governanceBallots)
    .where(forOrg(governanceBallots, ctx, eq(governanceBallots.pollId, pollId)));
  return Number(row?.n ?? 0);
}

/** One poll for the ballot page: options, the caller's ballot, their standing and whether results show. */
export async function findPoll(ctx: Ctx, id: string): Promise<Poll> {
  const now = new Date();
  const poll = await loadPoll(ctx.db, ctx, id);
  const [options, count] = await Promise.all([loadOptions(ctx.db, ctx, id), voterCount(ctx.db, ctx, id)]);
  let myChoices: string[] | null = null;
  let verified: boolean | null = null;
  if (ctx.actor.signedIn) {
    const userId = ctx.actor.userId;
    const mine = await ctx.db
      .select({ optionId: governanceBallotChoices.optionId, ballotId: governanceBallots.id })
      .from(governanceBallots)
      .leftJoin(governanceBallotChoices, eq(governanceBallotChoices.ballotId, governanceBallots.id))
      .where(
        forOrg(
          governanceBallots,
          ctx,
          eq(governanceBallots.pollId, id),
          eq(governanceBallots.userId, userId),
        ),
      );
    if (mine.length > 0) myChoices = mine.flatMap((m) => (m.optionId ? [m.optionId] : []));
    verified = poll.verifiedOnly ? await isVerified(ctx.db, userId) : true;
  }
  const eligibility = checkVoter(
    poll,
    { roles: ctx.actor.signedIn ? ctx.actor.roles : null, verified },
    dateInSeoul(now),
  );
  return {
    ...summary(poll, count, now),
    description: poll.description,
    options,
    residentsOnly: poll.residentsOnly,
    verifiedOnly: poll.verifiedOnly,
    minAge: poll.minAge,
    maxAge: poll.maxAge,
    resultsVisibility: poll.resultsVisibility as Poll['resultsVisibility'],
    resultsAvailable: resultsAvailable(ctx, poll, now),
    myChoices,
    eligibility,
  };
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

/** Counts per option and turnout; refused (403) while hidden, except to staff. */
export async function pollResults(ctx: Ctx, id: string): Promise<PollResults> {
  const now = new Date();
  const poll = await loadPoll(ctx.db, ctx, id);
  if (!resultsAvailable(ctx, poll, now)) throw new AppError('governance_poll_results_hidden', 403);
  const [rows, count] = await Promise.all([
    ctx.db
      .select({
        id: governancePollOptions.id,
        label: governancePollOptions.label,
        votes: sql<number>`count(${governanceBallotChoices.ballotId})::int`,
      })
      .from(governancePollOptions)
      .leftJoin(governanceBallotChoices, eq(governanceBallotChoices.optionId, governancePollOptions.id))
      .where(forOrg(governancePollOptions, ctx, eq(governancePollOptions.pollId, id)))
      .groupBy(governancePollOptions.id, governancePollOptions.label, governancePollOptions.position)
      .orderBy(asc(governancePollOptions.position)),
    voterCount(ctx.db, ctx, id),
  ]);
  // Sample ballots name nobody, so they cannot be set against the accounts who may vote.
  const eligible = poll.isSample ? null : await eligibleCount(ctx.db, ctx.organizationId, poll);
  return {
    pollId: id,
    final: stateOf(poll, now) === 'closed',
    voters: count,
    eligible,
    turnoutPercent: eligible ? percent(count, eligible) : null,
    options: rows.map((r) => ({
      id: r.id,
      label: r.label,
      votes: Number(r.votes),
      percent: percent(Number(r.votes), count),
    })),
  };
}

export function presentStaffPoll(
  row: PollRow,
  options: { id: string; label: string; description: string }[],
  count: number,
): StaffPoll {
  const now = new Date();
  return {
    ...summary(row, count, now),
    description: row.description,
    options,
    residentsOnly: row.residentsOnly,
    verifiedOnly: row.verifiedOnly,
    minAge: row.minAge,
    maxAge: row.maxAge,
    resultsVisibility: row.resultsVisibility as StaffPoll['resultsVisibility'],
    resultsAvailable: true,
    closedEarly: row.closedEarlyAt !== null,
  };
}

/** Every poll for staff, newest first (a district runs a handful a year: at most 100). */
export async function staffPolls(ctx: Ctx): Promise<StaffPoll[]> {
  const rows = await ctx.db
    .select({ poll: governancePolls, voters })
    .from(governancePolls)
    .where(forOrg(governancePolls, ctx))
    .orderBy(desc(governancePolls.createdAt), desc(governancePolls.id))
    .limit(100);
  const ids = rows.map((r) => r.poll.id);
  const options =
    ids.length === 0
      ? []
      : await ctx.db
          .select({
            pollId: governancePollOptions.pollId,
            id: governancePollOptions.id,
            label: governancePollOptions.label,
            description: governancePollOptions.description,
          })
          .from(governancePollOptions)
          .where(forOrg(governancePollOptions, ctx, inArray(governancePollOptions.pollId, ids)))
          .orderBy(asc(governancePollOptions.pollId), asc(governancePollOptions.position));
  return rows.map((r) =>
    presentStaffPoll(
      r.poll,
      options.filter((o) => o.pollId === r.poll.id).map(({ pollId: _, ...o }) => o),
      r.voters,
    ),
  );
}

export async function staffPoll(ctx: Ctx, id: string): Promise<StaffPoll> {
  const poll = await loadPoll(ctx.db, ctx, id);
  const [options, count] = await Promise.all([loadOptions(ctx.db, ctx, id), voterCount(ctx.db, ctx, id)]);
  return presentStaffPoll(poll, options, count);
}
