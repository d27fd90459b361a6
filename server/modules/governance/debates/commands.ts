import { and, eq, isNull } from 'drizzle-orm';
import type {
  CloseDebateBody,
  Debate,
  DebateBody,
  DebateComment,
  DebateCommentBody,
} from '../../../../contracts/governance-debates.ts';
import { writeAudit } from '../../../platform/audit/write.ts';
import { users } from '../../../platform/auth/tables.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { SignedInCtx } from '../../../platform/http.ts';
import { maskName } from '../../../platform/privacy/masking.ts';
import { findProcess } from '../processes/index.ts';
import { debateRow, findDebate } from './queries.ts';
import { governanceDebateComments, governanceDebates } from './tables.ts';

const D = governanceDebates;
const C = governanceDebateComments;

/** Staff open a debate in a process (any phase: it takes comments while a phase has debates on). Audited. */
export async function createDebate(ctx: SignedInCtx, processId: string, body: DebateBody): Promise<Debate> {
  const id = await ctx.db.transaction(async (tx) => {
    await findProcess(tx, ctx.organizationId, processId); // 404 outside the organization
    const [row] = await tx
      .insert(D)
      .values({
        organizationId: ctx.organizationId,
        processId,
        title: body.title,
        question: body.question,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: D.id });
    await writeAudit(tx, ctx, {
      action: 'governance.debate.create',
      targetType: 'governance.debate',
      targetId: row.id,
    });
    return row.id;
  });
  return findDebate(ctx, id);
}

/**
 * Staff close a debate with its conclusion; afterwards it takes no comments. Closing twice is a 409
 * (the update only matches an open debate, so two closes at once cannot both write). Audited.
 */
export async function closeDebate(ctx: SignedInCtx, id: string, body: CloseDebateBody): Promise<Debate> {
  await ctx.db.transaction(async (tx) => {
    await debateRow(tx, ctx.organizationId, id);
    const [closed] = await tx
      .update(D)
      .set({ conclusion: body.conclusion, closedBy: ctx.actor.userId, closedAt: new Date() })
      .where(forOrg(D, ctx, eq(D.id, id), isNull(D.closedAt)))
      .returning({ id: D.id });
    if (!closed) throw new AppError('governance_debate_closed', 409);
    await writeAudit(tx, ctx, {
      action: 'governance.debate.close',
      targetType: 'governance.debate',
      targetId: id,
    });
  });
  return findDebate(ctx, id);
}

/**
 * A resident's comment with a stance, or a reply. Taken only while the debate is open and its
 * process's current phase has debates on. A reply to a reply joins its thread (one level deep).
 * The debate row is read under a share lock so a close cannot slip between the check and the insert.
 */
export async function addDebateComment(
  ctx: SignedInCtx,
  id: string,
  body: DebateCommentBody,
): Promise<DebateComment> {
  return ctx.db.transaction(async (tx) => {
    const [debate] = await tx
      .select()
      .from(D)
      .where(forOrg(D, ctx, eq(D.id, id)))
      .for('share');
    if (!debate) throw new AppError('governance_debate_not_found', 404);
    if (debate.closedAt) throw new AppError('governance_debate_closed', 409);
    const process = await findProcess(tx, ctx.organizationId, debate.processId);
    if (!process.open.debates) throw new AppError('governance_debates_off', 409);
    let parentId: string | null = null;
    if (body.parentId) {
      const [parent] = await tx
        .select({ id: C.id, parentId: C.parentId })
        .from(C)
        .where(forOrg(C, ctx, and(eq(C.id, body.parentId), eq(C.debateId, id))));
      if (!parent) throw new AppError('governance_debate_parent', 400);
      parentId = parent.parentId ?? parent.id;
    }
    const [row] = await tx
      .insert(C)
      .values({
        organizationId: ctx.organizationId,
        debateId: id,
        parentId,
        authorId: ctx.actor.userId,
        body: body.body,
        stance: body.stance,
      })
      .returning();
    const [me] = await tx
      .select({ name: users.displayName })
      .from(users)
      .where(eq(users.id, ctx.actor.userId)); // the caller's own name, masked as everyone sees it
    return {
      id: row.id,
      parentId: row.parentId,
      author: me?.name ? maskName(me.name) : '(탈퇴한 주민)',
      body: row.body,
      stance: row.stance as DebateComment['stance'],
      createdAt: row.createdAt.toISOString(),
    };
  });
}
