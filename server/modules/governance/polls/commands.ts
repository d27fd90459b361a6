import { eq, sql } from 'drizzle-orm';
import type { Ballot, BallotBody, PollBody, StaffPoll } from '../../../../contracts/governance-polls.ts';
import { writeAudit } from '../../../platform/audit/write.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { SignedInCtx } from '../../../platform/http.ts';
import { dateInSeoul } from '../../../platform/time/index.ts';
import { checkVoter, isVerified, refuseIneligible } from './eligibility.ts';
import { loadOptions, loadPoll, type PollRow, staffPoll, stateOf } from './queries.ts';
import { indexPoll } from './search.ts';
import {
  governanceBallotChoices,
  governanceBallots,
  governancePollOptions,
  governancePolls,
} from './tables.ts';

const seoulTime = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** The number of choices a ballot of this poll may hold; throws the refusal otherwise. */
function checkChoices(poll: PollRow, optionIds: string[], known: Set<string>): void {
  if (new Set(optionIds).size !== optionIds.length)
    throw new AppError('governance_poll_repeated_option', 400);
  if (optionIds.some((id) => !known.has(id))) throw new AppError('governance_poll_unknown_option', 400);
  if (poll.kind === 'single' && optionIds.length !== 1) throw new AppError('governance_poll_choose_one', 400);
  if (poll.kind === 'pick_up_to' && optionIds.length > (poll.maxChoices ?? 1))
    throw new AppError('governance_poll_choose_up_to', 400, { max: poll.maxChoices });
}

/**
 * One ballot: open poll, eligible person, a valid choice. The ballot row's unique key (poll, person)
 * is what keeps one person to one vote: of parallel ballots exactly one inserts, the others insert
 * nothing and are told 409 — and the ballot and its choices commit together or not at all.
 */
export async function castBallot(ctx: SignedInCtx, pollId: string, body: BallotBody): Promise<Ballot> {
  const now = new Date();
  const poll = await loadPoll(ctx.db, ctx, pollId);
  if (stateOf(poll, now) !== 'open')
    throw new AppError('governance_poll_not_open', 409, {
      opens: seoulTime.format(poll.opensAt),
      closes: seoulTime.format(poll.closesAt),
    });
  const verified = poll.verifiedOnly ? await isVerified(ctx.db, ctx.actor.userId) : true;
  refuseIneligible(
    poll,
    checkVoter(poll, { roles: ctx.actor.roles, verified, birthDate: body.birthDate }, dateInSeoul(now)),
  );
  const options = await loadOptions(ctx.db, ctx, pollId);
  checkChoices(poll, body.optionIds, new Set(options.map((o) => o.id)));
  return ctx.db.transaction(async (tx) => {
    const [ballot] = await tx
      .insert(governanceBallots)
      .values({ organizationId: ctx.organizationId, pollId, kind: 'account', userId: ctx.actor.userId })
      .onConflictDoNothing({ target: [governanceBallots.pollId, governanceBallots.userId] })
      .returning({ id: governanceBallots.id, castAt: governanceBallots.castAt });
    if (!ballot) throw new AppError('governance_poll_already_voted', 409);
    await tx.insert(governanceBallotChoices).values(
      body.optionIds.map((optionId) => ({
        organizationId: ctx.organizationId,
        pollId,
        ballotId: ballot.id,
        optionId,
      })),
    );
    return { optionIds: body.optionIds, castAt: ballot.castAt.toISOString() };
  });
}

type ParsedPoll = ReturnType<typeof PollBody.parse>;

const pollValues = (body: ParsedPoll) => ({
  title: body.title,
  description: body.description,
  kind: body.kind,
  maxChoices: body.kind === 'pick_up_to' ? body.maxChoices : null,
  opensAt: new Date(body.opensAt),
  closesAt: new Date(body.closesAt),
  residentsOnly: body.residentsOnly,
  verifiedOnly: body.verifiedOnly,
  minAge: body.minAge,
  maxAge: body.maxAge,
  resultsVisibility: body.resultsVisibility,
});

export async function createPoll(ctx: SignedInCtx, body: ParsedPoll): Promise<StaffPoll> {
  const id = await ctx.db.transaction(async (tx) => {
    const [poll] = await tx
      .insert(governancePolls)
      .values({ organizationId: ctx.organizationId, ...pollValues(body), createdBy: ctx.actor.userId })
      .returning({ id: governancePolls.id });
    await tx.insert(governancePollOptions).values(
      body.options.map((o, position) => ({
        organizationId: ctx.organizationId,
        pollId: poll.id,
        position,
        label: o.label,
        description: o.description,
      })),
    );
    await indexPoll(tx, ctx.organizationId, poll.id);
    await writeAudit(tx, ctx, {
      action: 'governance.poll.create',
      targetType: 'governance.poll',
      targetId: poll.id,
      data: { kind: body.kind, options: body.options.length },
    });
    return poll.id;
  });
  return staffPoll(ctx, id);
}

/**
 * Staff change a poll that has not closed. Once a ballot is in, only the title, description, closing
 * time and results visibility may change: anything else would change what people voted on.
 */
export async function updatePoll(ctx: SignedInCtx, id: string, body: ParsedPoll): Promise<StaffPoll> {
  await ctx.db.transaction(async (tx) => {
    const [poll] = await tx
      .select()
      .from(governancePolls)
      .where(forOrg(governancePolls, ctx, eq(governancePolls.id, id)))
      .for('update');
    if (!poll) throw new AppError('governance_poll_not_found', 404);
    if (stateOf(poll) === 'closed') throw new AppError('governance_poll_closed', 409);
    const [cast] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(governanceBallots)
      .where(forOrg(governanceBallots, ctx, eq(governanceBallots.pollId, id)));
    const values = pollValues(body);
    if (Number(cast?.n ?? 0) > 0) {
      const options = await loadOptions(tx, ctx, id);
      const same =
        values.kind === poll.kind &&
        values.maxChoices === poll.maxChoices &&
        values.opensAt.getTime() === poll.opensAt.getTime() &&
        values.residentsOnly === poll.residentsOnly &&
        values.verifiedOnly === poll.verifiedOnly &&
        values.minAge === poll.minAge &&
        values.maxAge === poll.maxAge &&
        options.length === body.options.length &&
        options.every(
          (o, i) => o.label === body.options[i].label && o.description === body.options[i].description,
        );
      if (!same) throw new AppError('governance_poll_has_ballots', 409);
    } else {
      await tx
        .delete(governancePollOptions)
        .where(forOrg(governancePollOptions, ctx, eq(governancePollOptions.pollId, id)));
      await tx.insert(governancePollOptions).values(
        body.options.map((o, position) => ({
          organizationId: ctx.organizationId,
          pollId: id,
          position,
          label: o.label,
          description: o.description,
        })),
      );
    }
    await tx
      .update(governancePolls)
      .set({ ...values, updatedAt: new Date() })
      .where(forOrg(governancePolls, ctx, eq(governancePolls.id, id)));
    await indexPoll(tx, ctx.organizationId, id);
    await writeAudit(tx, ctx, {
      action: 'governance.poll.update',
      targetType: 'governance.poll',
      targetId: id,
    });
  });
  return staffPoll(ctx, id);
}

/** Staff close a poll now: closes_at moves to this moment and the results follow their rule. */
export async function closePoll(ctx: SignedInCtx, id: string): Promise<StaffPoll> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(governancePolls)
      // A poll closed before it opened never opens: its opening moves back to just before now.
      .set({
        opensAt: sql`least(${governancePolls.opensAt}, now() - interval '1 millisecond')`,
        closesAt: sql`now()`,
        closedEarlyAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(
        forOrg(governancePolls, ctx, eq(governancePolls.id, id), sql`${governancePolls.closesAt} > now()`),
      )
      .returning({ id: governancePolls.id });
    if (!row) {
      await loadPoll(tx, ctx, id); // 404 when it is not ours
      throw new AppError('governance_poll_closed', 409);
    }
    await indexPoll(tx, ctx.organizationId, id);
    await writeAudit(tx, ctx, {
      action: 'governance.poll.close',
      targetType: 'governance.poll',
      targetId: id,
    });
  });
  return staffPoll(ctx, id);
}
