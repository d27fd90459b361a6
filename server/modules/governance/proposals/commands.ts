import { and, eq, isNull, sql } from 'drizzle-orm';
import type {
  AmendmentBody,
  AmendmentDecision,
  AnswerBody,
  CommentBody,
  Proposal,
  ProposalBody,
  SupportResult,
} from '../../../../contracts/governance-proposals.ts';
import { writeAudit } from '../../../platform/audit/write.ts';
import { type DbOrTx, queryRows } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { SignedInCtx } from '../../../platform/http.ts';
import { enqueueNotification } from '../../../platform/notify/index.ts';
import { POSTING_LIMIT, POSTING_WINDOW_MINUTES, spamReason } from '../moderation/index.ts';
import { findProcess } from '../processes/index.ts';
import { PROPOSAL_ANSWERED } from './notify.ts';
import { findProposal, proposalRow } from './queries.ts';
import { refuseIfWithdrawn } from './rules.ts';
import { indexProposal } from './search.ts';
import {
  governanceProposalAmendments,
  governanceProposalCoauthors,
  governanceProposalComments,
  governanceProposalSupports,
  governanceProposals,
  governanceProposalVersions,
} from './tables.ts';

const P = governanceProposals;

/** Refuses unless the process's current phase has proposals switched on. */
async function requireProposalsOpen(db: DbOrTx, organizationId: string, processId: string) {
  const process = await findProcess(db, organizationId, processId);
  if (!process.open.proposals) throw new AppError('governance_proposals_closed', 409);
  return process;
}

/**
 * Before a resident's proposal or comment is written: refuses spam (400) and more than POSTING_LIMIT
 * posts in POSTING_WINDOW_MINUTES (429). Parallel posts of one account queue on an advisory lock
 * held until the caller's transaction ends, so none slips past the count.
 */
async function guardPosting(tx: DbOrTx, ctx: SignedInCtx, texts: string[]) {
  if (texts.some((t) => spamReason(t) !== null)) throw new AppError('governance_spam', 400);
  const me = ctx.actor.userId;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('governance.posting'), hashtext(${me}))`);
  const since = sql`now() - make_interval(mins => ${POSTING_WINDOW_MINUTES})`;
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select (select count(*) from governance_proposals where author_id = ${me} and created_at > ${since})
             + (select count(*) from governance_proposal_comments where author_id = ${me} and created_at > ${since}) as n`,
  );
  if (Number(row?.n ?? 0) >= POSTING_LIMIT)
    throw new AppError('governance_posting_rate', 429, { seconds: POSTING_WINDOW_MINUTES * 60 });
}

/** A resident's new proposal, while the current phase takes proposals. */
export async function createProposal(
  ctx: SignedInCtx,
  processId: string,
  body: ProposalBody,
): Promise<Proposal> {
  await requireProposalsOpen(ctx.db, ctx.organizationId, processId);
  const id = await ctx.db.transaction(async (tx) => {
    await guardPosting(tx, ctx, [body.title, body.body]);
    const [row] = await tx
      .insert(P)
      .values({
        organizationId: ctx.organizationId,
        processId,
        title: body.title,
        body: body.body,
        category: body.category,
        place: body.place,
        authorId: ctx.actor.userId,
      })
      .returning({ id: P.id });
    await indexProposal(tx, ctx.organizationId, row.id);
    return row.id;
  });
  return findProposal(ctx, id);
}

/**
 * Support (or withdraw support from) a proposal. One per person: the unique key on (proposal, person)
 * lets only one of any number of parallel requests insert, and the counter moves only with a row.
 */
export async function setSupport(ctx: SignedInCtx, id: string, support: boolean): Promise<SupportResult> {
  return ctx.db.transaction(async (tx) => {
    const proposal = await proposalRow(tx, ctx.organizationId, id);
    if (support) refuseIfWithdrawn(proposal);
    const process = await requireProposalsOpen(tx, ctx.organizationId, proposal.processId);
    const S = governanceProposalSupports;
    const changed = support
      ? await tx
          .insert(S)
          .values({ organizationId: ctx.organizationId, proposalId: id, userId: ctx.actor.userId })
          .onConflictDoNothing()
          .returning({ id: S.id })
      : await tx
          .delete(S)
          .where(and(eq(S.proposalId, id), eq(S.userId, ctx.actor.userId)))
          .returning({ id: S.id });
    let supports = proposal.supports;
    if (changed.length > 0) {
      // A new support counts only on a proposal not withdrawn meanwhile (the update waits for the
      // withdrawal's row lock and then sees it): otherwise the insert is rolled back.
      const [after] = await tx
        .update(P)
        .set({ supports: sql`${P.supports} + ${support ? 1 : -1}` })
        .where(support ? and(eq(P.id, id), isNull(P.withdrawnAt)) : eq(P.id, id))
        .returning({ supports: P.supports });
      if (!after) throw new AppError('governance_proposal_withdrawn', 409);
      supports = after.supports;
    } else {
      const [now] = await tx.select({ supports: P.supports }).from(P).where(eq(P.id, id));
      supports = now.supports;
    }
    return { supported: support, supports, eligible: supports >= process.supportThreshold };
  });
}

/** A comment with a stance, or a reply to a comment on the same proposal. */
export async function addComment(ctx: SignedInCtx, id: string, body: CommentBody): Promise<Proposal> {
  refuseIfWithdrawn(await proposalRow(ctx.db, ctx.organizationId, id));
  const C = governanceProposalComments;
  if (body.parentId) {
    const [parent] = await ctx.db
      .select({ id: C.id })
      .from(C)
      .where(forOrg(C, ctx, eq(C.id, body.parentId), eq(C.proposalId, id)));
    if (!parent) throw new AppError('governance_comment_parent', 400);
  }
  await ctx.db.transaction(async (tx) => {
    await guardPosting(tx, ctx, [body.body]);
    await tx.insert(C).values({
      organizationId: ctx.organizationId,
      proposalId: id,
      parentId: body.parentId ?? null,
      authorId: ctx.actor.userId,
      body: body.body,
      stance: body.stance,
    });
  });
  return findProposal(ctx, id);
}

/** Staff's official answer (accepted, rejected, under review), audited; the authors are notified. */
export async function answerProposal(ctx: SignedInCtx, id: string, body: AnswerBody): Promise<Proposal> {
  await ctx.db.transaction(async (tx) => {
    const proposal = await proposalRow(tx, ctx.organizationId, id);
    // A withdrawn proposal is not answered (409). The update's condition also covers a withdrawal
    // committed meanwhile: it waits for the withdrawal's row lock and then sees withdrawn_at.
    if (proposal.withdrawnAt) throw new AppError('governance_proposal_answer_withdrawn', 409);
    const [answered] = await tx
      .update(P)
      .set({
        answerStatus: body.status,
        answerReason: body.reason,
        answerCost: body.cost,
        answerPeriod: body.period,
        answeredBy: ctx.actor.userId,
        answeredAt: new Date(),
      })
      .where(forOrg(P, ctx, eq(P.id, id), isNull(P.withdrawnAt)))
      .returning({ id: P.id });
    if (!answered) throw new AppError('governance_proposal_answer_withdrawn', 409);
    await indexProposal(tx, ctx.organizationId, id);
    await writeAudit(tx, ctx, {
      action: 'governance.proposal.answer',
      targetType: 'governance.proposal',
      targetId: id,
    });
    const coauthors = await tx
      .select({ userId: governanceProposalCoauthors.userId })
      .from(governanceProposalCoauthors)
      .where(forOrg(governanceProposalCoauthors, ctx, eq(governanceProposalCoauthors.proposalId, id)));
    const people = new Set([proposal.authorId, ...coauthors.map((c) => c.userId)]);
    for (const userId of people) {
      if (!userId) continue;
      await enqueueNotification(
        tx,
        {
          organizationId: ctx.organizationId,
          userId,
          kind: PROPOSAL_ANSWERED,
          title: { ko: '내 제안에 공식 답변이 등록되었습니다.', en: 'Your proposal has an official answer.' },
          body: { ko: `제안: ${proposal.title}`, en: `Proposal: ${proposal.title}` },
          link: `/governance/proposals/${id}`,
        },
        ctx.jobs,
      );
    }
  });
  return findProposal(ctx, id);
}

/** Another resident proposes new text for a proposal, while the phase takes proposals. */
export async function proposeAmendment(ctx: SignedInCtx, id: string, body: AmendmentBody): Promise<Proposal> {
  const proposal = await proposalRow(ctx.db, ctx.organizationId, id);
  refuseIfWithdrawn(proposal);
  if (proposal.authorId === ctx.actor.userId) throw new AppError('governance_amend_own', 409);
  await requireProposalsOpen(ctx.db, ctx.organizationId, proposal.processId);
  await ctx.db.insert(governanceProposalAmendments).values({
    organizationId: ctx.organizationId,
    proposalId: id,
    authorId: ctx.actor.userId,
    body: body.body,
  });
  return findProposal(ctx, id);
}

/**
 * The author accepts an amendment (its text replaces the proposal's; the old text is kept as a
 * version) or rejects it. Locks the proposal so two decisions cannot both replace the text.
 */
export async function decideAmendment(
  ctx: SignedInCtx,
  amendmentId: string,
  decision: AmendmentDecision,
): Promise<Proposal> {
  const A = governanceProposalAmendments;
  const proposalId = await ctx.db.transaction(async (tx) => {
    const [amendment] = await tx
      .select()
      .from(A)
      .where(forOrg(A, ctx, eq(A.id, amendmentId)));
    if (!amendment) throw new AppError('governance_amendment_not_found', 404);
    const [proposal] = await tx
      .select()
      .from(P)
      .where(forOrg(P, ctx, eq(P.id, amendment.proposalId)))
      .for('update');
    if (proposal.authorId !== ctx.actor.userId) throw new AppError('governance_amendment_decider', 403);
    refuseIfWithdrawn(proposal);
    const [decided] = await tx
      .update(A)
      .set({ status: decision.decision, decidedAt: new Date() })
      .where(and(eq(A.id, amendmentId), eq(A.status, 'pending')))
      .returning({ id: A.id });
    if (!decided) throw new AppError('governance_amendment_decided', 409);
    if (decision.decision === 'accepted') {
      await tx.insert(governanceProposalVersions).values({
        organizationId: ctx.organizationId,
        proposalId: proposal.id,
        version: proposal.version,
        body: proposal.body,
        amendmentId,
      });
      await tx
        .update(P)
        .set({ body: amendment.body, version: proposal.version + 1 })
        .where(eq(P.id, proposal.id));
      await indexProposal(tx, ctx.organizationId, proposal.id);
    }
    return proposal.id;
  });
  return findProposal(ctx, proposalId);
}
