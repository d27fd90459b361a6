import { eq, isNotNull, ne } from 'drizzle-orm';
import type { Proposal, ProposalBody } from '../../../../contracts/governance-proposals.ts';
import { writeAudit } from '../../../platform/audit/write.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { SignedInCtx } from '../../../platform/http.ts';
import { releaseImage, withholdImage } from '../../../platform/media/index.ts';
import { DISPATCH_JOB, enqueueNotification } from '../../../platform/notify/index.ts';
import { hiddenWhere, spamReason } from '../moderation/index.ts';
import { lockProposal, refuseIfNotEditable, updateProposal } from './locked.ts';
import { PROPOSAL_WITHDRAWN } from './notify.ts';
import { findProposal } from './queries.ts';
import { withdrawRefusal } from './rules.ts';
import { indexProposal } from './search.ts';
import { governanceProposalSupports, governanceProposals } from './tables.ts';

// The author's own changes to a proposal (issue 11): editing its title, text, category and place,
// and withdrawing it (철회). Only the author (not co-authors, not staff: staff moderate, they do not
// rewrite a resident's words) does either. The rules are in rules.ts; both are audited.

const P = governanceProposals;

/** The proposal locked for the author's change, with whether moderation hides it; 404 outside the organization. */
async function lockedForAuthor(tx: DbOrTx, ctx: SignedInCtx, id: string) {
  const row = await lockProposal(tx, ctx, id);
  if (!row.authorId || row.authorId !== ctx.actor.userId)
    throw new AppError('governance_proposal_not_author', 403);
  return row;
}

/** The author edits the title, text, category and place (audited); unchanged input changes nothing. */
export async function editProposal(ctx: SignedInCtx, id: string, body: ProposalBody): Promise<Proposal> {
  await ctx.db.transaction(async (tx) => {
    const row = await lockedForAuthor(tx, ctx, id);
    await refuseIfNotEditable(tx, ctx, row);
    if ([body.title, body.body].some((t) => spamReason(t) !== null))
      throw new AppError('governance_spam', 400);
    const changed = (['title', 'body', 'category', 'place'] as const).filter((k) => row[k] !== body[k]);
    if (changed.length === 0) return;
    await updateProposal(tx, ctx, id, {
      title: body.title,
      body: body.body,
      category: body.category,
      place: body.place,
      editedAt: new Date(),
    });
    await indexProposal(tx, ctx.organizationId, id);
    await writeAudit(tx, ctx, {
      action: 'governance.proposal.edit',
      targetType: 'governance.proposal',
      targetId: id,
      data: { changed },
    });
  });
  return findProposal(ctx, id);
}

/**
 * The author withdraws the proposal (audited): it leaves the list and the search, takes no more
 * supports, and its image is withheld. Withdrawing a withdrawn proposal changes nothing.
 */
export async function withdrawProposal(ctx: SignedInCtx, id: string): Promise<Proposal> {
  await ctx.db.transaction(async (tx) => {
    const row = await lockedForAuthor(tx, ctx, id);
    if (row.withdrawnAt) return;
    const refusal = withdrawRefusal(row);
    if (refusal) throw new AppError(refusal, 409);
    await updateProposal(tx, ctx, id, { withdrawnAt: new Date() });
    await proposalShownOrHidden(tx, ctx.organizationId, id);
    await writeAudit(tx, ctx, {
      action: 'governance.proposal.withdraw',
      targetType: 'governance.proposal',
      targetId: id,
    });
    await tellSupporters(tx, ctx, id, row.title, row.authorId);
  });
  return findProposal(ctx, id);
}

/**
 * Everyone who supports the proposal (not its author, not sample supports) hears once that it was
 * withdrawn, in the withdrawal's transaction: a second withdrawal returns before this, so nobody hears twice.
 */
async function tellSupporters(
  tx: DbOrTx,
  ctx: SignedInCtx,
  id: string,
  title: string,
  authorId: string | null,
) {
  const S = governanceProposalSupports;
  const supporters = await tx
    .selectDistinct({ userId: S.userId })
    .from(S)
    .where(
      forOrg(
        S,
        ctx,
        eq(S.proposalId, id),
        isNotNull(S.userId),
        authorId ? ne(S.userId, authorId) : undefined,
      ),
    );
  for (const { userId } of supporters) {
    if (!userId) continue;
    await enqueueNotification(tx, {
      organizationId: ctx.organizationId,
      userId,
      kind: PROPOSAL_WITHDRAWN,
      title: {
        ko: '공감한 제안을 작성자가 철회했습니다.',
        en: 'A proposal you supported was withdrawn by its author.',
      },
      body: { ko: `제안: ${title}`, en: `Proposal: ${title}` },
      link: `/governance/proposals/${id}`,
    });
  }
  // One dispatch job for all of them, as answerProposal queues one per notice.
  if (supporters.length > 0) await ctx.jobs.send(DISPATCH_JOB, {}, { tx });
}

/**
 * The proposal's image is served only while the proposal is shown to everyone: withheld while
 * moderation hides it or after its author withdrew it, released when it is shown again.
 */
export async function syncProposalImage(tx: DbOrTx, organizationId: string, proposalId: string) {
  const [row] = await tx
    .select({ imageId: P.imageId, withdrawnAt: P.withdrawnAt, hidden: hiddenWhere('proposal', P.id) })
    .from(P)
    .where(forOrg(P, organizationId, eq(P.id, proposalId)));
  if (!row?.imageId) return;
  if (row.withdrawnAt || row.hidden) await withholdImage(tx, organizationId, row.imageId);
  else await releaseImage(tx, organizationId, row.imageId);
}

/**
 * A proposal was hidden, shown again or withdrawn: its search entry and its image follow, in the
 * caller's transaction. Moderation calls this through its visibility callback (governance/index.ts).
 */
export async function proposalShownOrHidden(
  tx: DbOrTx,
  organizationId: string,
  proposalId: string,
): Promise<void> {
  await indexProposal(tx, organizationId, proposalId);
  await syncProposalImage(tx, organizationId, proposalId);
}
