import { eq, isNotNull } from 'drizzle-orm';
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
import { governanceProposalCoauthors, governanceProposalSupports, governanceProposals } from './tables.ts';

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
 * supports, and its image is withheld; its co-authors and supporters are told. Withdrawing a
 * withdrawn proposal changes nothing.
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
    await tellCoauthorsAndSupporters(tx, ctx, id, row.title, row.authorId);
  });
  return findProposal(ctx, id);
}

/**
 * Its co-authors and everyone who supports it (not its author, not sample supports) hear once that
 * it was withdrawn, in the withdrawal's transaction: a co-author always (with the co-author's notice,
 * whether or not they support it too), a supporter with the supporter's. A second withdrawal returns
 * before this, so nobody hears twice.
 */
async function tellCoauthorsAndSupporters(
  tx: DbOrTx,
  ctx: SignedInCtx,
  id: string,
  title: string,
  authorId: string | null,
) {
  const C = governanceProposalCoauthors;
  const S = governanceProposalSupports;
  const coauthors = await tx
    .select({ userId: C.userId })
    .from(C)
    .where(forOrg(C, ctx, eq(C.proposalId, id)));
  const supporters = await tx
    .selectDistinct({ userId: S.userId })
    .from(S)
    .where(forOrg(S, ctx, eq(S.proposalId, id), isNotNull(S.userId)));
  const coauthorNotice = {
    ko: '함께 쓴 제안을 작성자가 철회했습니다.',
    en: 'A proposal you co-authored was withdrawn by its author.',
  };
  const supporterNotice = {
    ko: '공감한 제안을 작성자가 철회했습니다.',
    en: 'A proposal you supported was withdrawn by its author.',
  };
  // Each person once, co-authors first: the author and anyone already told are skipped.
  const told = new Set<string>(authorId ? [authorId] : []);
  const notices: { userId: string; title: typeof coauthorNotice }[] = [];
  for (const [people, notice] of [
    [coauthors, coauthorNotice],
    [supporters, supporterNotice],
  ] as const) {
    for (const { userId } of people) {
      if (!userId || told.has(userId)) continue;
      told.add(userId);
      notices.push({ userId, title: notice });
    }
  }
  for (const notice of notices) {
    await enqueueNotification(tx, {
      organizationId: ctx.organizationId,
      userId: notice.userId,
      kind: PROPOSAL_WITHDRAWN,
      title: notice.title,
      body: { ko: `제안: ${title}`, en: `Proposal: ${title}` },
      link: `/governance/proposals/${id}`,
    });
  }
  // One dispatch job for all of them, as answerProposal queues one per notice.
  if (notices.length > 0) await ctx.jobs.send(DISPATCH_JOB, {}, { tx });
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
