import { eq } from 'drizzle-orm';
import { Ok } from '../../../../contracts/common.ts';
import { ProposalIdParams } from '../../../../contracts/governance-proposals.ts';
import { ImageRef, ImageUploadQuery } from '../../../../contracts/media.ts';
import { isStaff } from '../../../platform/access/actor.ts';
import { writeAudit } from '../../../platform/audit/write.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import { routes, type SignedInCtx } from '../../../platform/http.ts';
import type { Catalog } from '../../../platform/i18n/messages.ts';
import {
  acceptImageBodies,
  deleteImage,
  IMAGE_BODY_LIMIT,
  storeImage,
} from '../../../platform/media/index.ts';
import { findProcess } from '../processes/index.ts';
import { syncProposalImage } from './authoring.ts';
import { lockProposal, refuseIfNotEditable, updateProposal } from './locked.ts';
import { refuseIfWithdrawn } from './rules.ts';
import { governanceProposalCoauthors } from './tables.ts';

// A proposal's one image (issue 11). The author or a co-author uploads it (the image itself as the
// raw body, alt text in the query: Korean required) and replaces it under the rule for editing the
// proposal (rules.ts: the phase takes proposals, nobody else supports it yet, no answer, not hidden,
// not withdrawn), and removes it while the process's current phase takes proposals.
// Staff may remove it at any time (moderation). Every change is audited. The platform's media piece
// checks and cleans the bytes (JPEG, PNG, WebP only; 2 MiB; metadata removed).

export const imageMessages: Catalog = {
  'errors.governance_proposal_image_forbidden': {
    ko: '제안 작성자와 공동 작성자만 제안 사진을 올리거나 바꿀 수 있습니다.',
    en: 'Only the proposal’s author and co-authors can add or change its image.',
  },
  'errors.governance_proposal_image_none': {
    ko: '이 제안에는 사진이 없습니다.',
    en: 'This proposal has no image.',
  },
  'audit.action.governance.proposal.image_set': { ko: '제안 사진 등록', en: 'Proposal image set' },
  'audit.action.governance.proposal.image_remove': { ko: '제안 사진 삭제', en: 'Proposal image removed' },
};

/** The proposal, locked, and whether the caller is its author or a co-author; 404 outside the organization. */
async function lockedProposal(tx: DbOrTx, ctx: SignedInCtx, id: string) {
  const row = await lockProposal(tx, ctx, id);
  const me = ctx.actor.userId;
  let author = row.authorId === me;
  if (!author) {
    const C = governanceProposalCoauthors;
    const [co] = await tx
      .select({ userId: C.userId })
      .from(C)
      .where(forOrg(C, ctx, eq(C.proposalId, id), eq(C.userId, me)));
    author = Boolean(co);
  }
  return { ...row, author };
}

/** Authors write only while the current phase takes proposals (as creating and amending do). */
async function requireOpen(tx: DbOrTx, ctx: SignedInCtx, processId: string) {
  const process = await findProcess(tx, ctx.organizationId, processId);
  if (!process.open.proposals) throw new AppError('governance_proposals_closed', 409);
}

/** Sets (or replaces) the proposal's image; the replaced image is deleted. */
export async function setProposalImage(
  ctx: SignedInCtx,
  id: string,
  body: unknown,
  alt: ImageUploadQuery,
): Promise<ImageRef> {
  return ctx.db.transaction(async (tx) => {
    const proposal = await lockedProposal(tx, ctx, id);
    if (!proposal.author) throw new AppError('governance_proposal_image_forbidden', 403);
    // A new or replaced image is an edit: the same rule as the text (rules.ts), so supporters keep
    // what they saw. Removing it stays possible while the phase takes proposals (a face, a plate).
    await refuseIfNotEditable(tx, ctx, proposal);
    const image = await storeImage(tx, ctx, body, alt);
    await updateProposal(tx, ctx, id, { imageId: image.id });
    if (proposal.imageId) await deleteImage(tx, ctx.organizationId, proposal.imageId);
    // A new image of a hidden proposal is withheld with it until the proposal is shown again.
    await syncProposalImage(tx, ctx.organizationId, id);
    await writeAudit(tx, ctx, {
      action: 'governance.proposal.image_set',
      targetType: 'governance.proposal',
      targetId: id,
      data: { imageId: image.id, replaced: proposal.imageId, width: image.width, height: image.height },
    });
    return image;
  });
}

/** Removes the proposal's image (and deletes it): its authors while open, staff at any time. */
export async function removeProposalImage(ctx: SignedInCtx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const proposal = await lockedProposal(tx, ctx, id);
    const staff = isStaff(ctx.actor);
    if (!proposal.author && !staff) throw new AppError('governance_proposal_image_forbidden', 403);
    if (!staff) {
      refuseIfWithdrawn(proposal); // its image is withheld already
      await requireOpen(tx, ctx, proposal.processId);
    }
    if (!proposal.imageId) throw new AppError('governance_proposal_image_none', 404);
    await updateProposal(tx, ctx, id, { imageId: null });
    await deleteImage(tx, ctx.organizationId, proposal.imageId);
    await writeAudit(tx, ctx, {
      action: 'governance.proposal.image_remove',
      targetType: 'governance.proposal',
      targetId: id,
      data: { imageId: proposal.imageId, by: proposal.author ? 'author' : 'staff' },
    });
  });
  return { ok: true as const };
}

const tags = ['governance'];
const path = '/api/v1/governance/proposals/:id/image';
// Uploads are rate-limited as other writes are: a person changes an image a few times a minute at most.
const writes = { access: 'signed-in' as const, rateLimit: { max: 20, timeWindow: 60_000 } };

export const imageRoutes = routes((app) => {
  // Only these routes take a raw image body; every other route keeps JSON and the global body limit.
  acceptImageBodies(app);
  app.post(
    path,
    {
      config: writes,
      bodyLimit: IMAGE_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Set or replace a proposal’s image (its author or a co-author, while the phase takes proposals)',
        description:
          'The body is the image itself (JPEG, PNG or WebP, at most 2 MiB and 8000 px a side), sent raw with its Content-Type; the type is read from the bytes and JPEG metadata is removed. Alt text in the query string: altKo required, altEn optional. A replaced image is deleted.',
        params: ProposalIdParams,
        querystring: ImageUploadQuery,
        response: { 201: ImageRef },
      },
    },
    async (req, reply) => {
      const image = await setProposalImage(req.ctx, req.params.id, req.body, req.query);
      return reply.status(201).send(image);
    },
  );
  app.delete(
    path,
    {
      config: writes,
      schema: {
        tags,
        summary: 'Remove a proposal’s image (its authors while the phase takes proposals; staff at any time)',
        params: ProposalIdParams,
        response: { 200: Ok },
      },
    },
    async (req) => removeProposalImage(req.ctx, req.params.id),
  );
});
