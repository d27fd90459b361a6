import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { SignedInCtx } from '../../../platform/http.ts';
import { hiddenWhere } from '../moderation/index.ts';
import { findProcess } from '../processes/index.ts';
import { editRefusal, othersSupports } from './rules.ts';
import { governanceProposals } from './tables.ts';

// The proposal an author changes (authoring.ts: edit, withdraw; image.ts: its image), locked in the
// caller's transaction, and the change itself written with its audit entry.

const P = governanceProposals;

/** The proposal locked for a change, with whether moderation hides it; 404 outside the organization. */
export async function lockProposal(tx: DbOrTx, ctx: SignedInCtx, id: string) {
  const [row] = await tx
    .select({
      id: P.id,
      processId: P.processId,
      authorId: P.authorId,
      title: P.title,
      body: P.body,
      category: P.category,
      place: P.place,
      imageId: P.imageId,
      answerStatus: P.answerStatus,
      withdrawnAt: P.withdrawnAt,
      hidden: hiddenWhere('proposal', P.id),
    })
    .from(P)
    .where(forOrg(P, ctx, eq(P.id, id)))
    .for('update');
  if (!row) throw new AppError('governance_proposal_not_found', 404);
  return row;
}

/** Refuses (409) an edit the rule in rules.ts does not allow now: the text, or a new image. */
export async function refuseIfNotEditable(
  tx: DbOrTx,
  ctx: SignedInCtx,
  row: Awaited<ReturnType<typeof lockProposal>>,
): Promise<void> {
  const process = await findProcess(tx, ctx.organizationId, row.processId);
  const refusal = editRefusal(row, {
    open: process.open.proposals,
    hidden: Boolean(row.hidden),
    othersSupports: await othersSupports(tx, ctx.organizationId, row.id, row.authorId),
  });
  if (refusal) throw new AppError(refusal, 409);
}

/** Writes the change to the proposal (in the caller's organization). */
export async function updateProposal(
  tx: DbOrTx,
  ctx: SignedInCtx,
  id: string,
  set: Partial<typeof P.$inferInsert>,
): Promise<void> {
  await tx
    .update(P)
    .set(set)
    .where(forOrg(P, ctx, eq(P.id, id)));
}
