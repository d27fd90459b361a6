import { eq, sql } from 'drizzle-orm';
import {
  type ModerationBody,
  type NextStatement,
  type StatementBody,
  type SubmittedStatement,
  VOTE_VALUE,
  type VoteBody,
} from '../../../../contracts/governance-deliberations.ts';
import { writeAudit } from '../../../platform/audit/write.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Ctx, SignedInCtx } from '../../../platform/http.ts';
import { nextFor } from './queries.ts';
import {
  governanceDeliberations,
  governanceParticipants,
  governanceStatements,
  governanceVotes,
} from './tables.ts';

async function openDeliberation(ctx: Ctx, id: string): Promise<void> {
  const [row] = await ctx.db
    .select({ status: governanceDeliberations.status })
    .from(governanceDeliberations)
    .where(forOrg(governanceDeliberations, ctx, eq(governanceDeliberations.id, id)));
  if (!row) throw new AppError('governance_deliberation_not_found', 404);
  if (row.status !== 'open') throw new AppError('governance_deliberation_closed', 409);
}

/**
 * The person's participant row in the deliberation, made on their first vote or statement with the
 * next free number. Parallel first requests are safe: a clash on the person or on the number inserts
 * nothing, and the loop reads the row or tries the next number.
 */
export async function ensureParticipant(
  db: DbOrTx,
  ctx: SignedInCtx,
  deliberationId: string,
): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const [existing] = await db
      .select({ id: governanceParticipants.id })
      .from(governanceParticipants)
      .where(
        forOrg(
          governanceParticipants,
          ctx,
          eq(governanceParticipants.deliberationId, deliberationId),
          eq(governanceParticipants.userId, ctx.actor.userId),
        ),
      );
    if (existing) return existing.id;
    const [made] = await db
      .insert(governanceParticipants)
      .values({
        organizationId: ctx.organizationId,
        deliberationId,
        kind: 'account',
        userId: ctx.actor.userId,
        number: sql`(select coalesce(max(p.number), -1) + 1 from governance_participants p where p.deliberation_id = ${deliberationId})`,
      })
      .onConflictDoNothing()
      .returning({ id: governanceParticipants.id });
    if (made) return made.id;
  }
  throw new AppError('governance_busy', 503);
}

/** Agree, disagree or pass on an accepted statement; a second vote replaces the first (one row). */
export async function vote(ctx: SignedInCtx, deliberationId: string, body: VoteBody): Promise<NextStatement> {
  await openDeliberation(ctx, deliberationId);
  const [statement] = await ctx.db
    .select({ id: governanceStatements.id })
    .from(governanceStatements)
    .where(
      forOrg(
        governanceStatements,
        ctx,
        eq(governanceStatements.id, body.statementId),
        eq(governanceStatements.deliberationId, deliberationId),
        eq(governanceStatements.moderation, 'accepted'),
      ),
    );
  if (!statement) throw new AppError('governance_statement_not_found', 404);
  const participantId = await ensureParticipant(ctx.db, ctx, deliberationId);
  await ctx.db
    .insert(governanceVotes)
    .values({
      organizationId: ctx.organizationId,
      deliberationId,
      statementId: statement.id,
      participantId,
      vote: VOTE_VALUE[body.vote],
    })
    .onConflictDoUpdate({
      target: [governanceVotes.participantId, governanceVotes.statementId],
      // excluded.seq is the new row's own identity value: larger than any committed before it.
      set: { vote: sql`excluded.vote`, seq: sql`excluded.seq`, votedAt: sql`now()` },
    });
  return nextFor(ctx, deliberationId);
}

/** A new statement from a signed-in person: numbered next, waiting for moderation. */
export async function submitStatement(
  ctx: SignedInCtx,
  deliberationId: string,
  body: StatementBody,
): Promise<SubmittedStatement> {
  await openDeliberation(ctx, deliberationId);
  const participantId = await ensureParticipant(ctx.db, ctx, deliberationId);
  for (let attempt = 0; attempt < 20; attempt++) {
    const [row] = await ctx.db
      .insert(governanceStatements)
      .values({
        organizationId: ctx.organizationId,
        deliberationId,
        number: sql`(select coalesce(max(s.number), -1) + 1 from governance_statements s where s.deliberation_id = ${deliberationId})`,
        body: body.text,
        authorParticipantId: participantId,
      })
      .onConflictDoNothing()
      .returning({ id: governanceStatements.id, text: governanceStatements.body });
    if (row) return { ...row, moderation: 'unmoderated' };
  }
  throw new AppError('governance_busy', 503);
}

/** Staff accept (optionally as meta) or reject a statement; audited. */
export async function moderateStatement(ctx: SignedInCtx, id: string, body: ModerationBody) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(governanceStatements)
      .set({
        moderation: body.moderation,
        isMeta: body.moderation === 'accepted' && body.meta,
        version: sql`${governanceStatements.version} + 1`,
        moderatedBy: ctx.actor.userId,
        moderatedAt: new Date(),
      })
      .where(forOrg(governanceStatements, ctx, eq(governanceStatements.id, id)))
      .returning({
        id: governanceStatements.id,
        text: governanceStatements.body,
        moderation: governanceStatements.moderation,
        meta: governanceStatements.isMeta,
      });
    if (!row) throw new AppError('governance_statement_not_found', 404);
    const rejected = body.moderation === 'rejected';
    await writeAudit(tx, ctx, {
      action: rejected
        ? 'governance.statement.reject'
        : body.meta
          ? 'governance.statement.accept_meta'
          : 'governance.statement.accept',
      targetType: 'governance.statement',
      targetId: id,
    });
    return { id: row.id, text: row.text, moderation: row.moderation as SubmittedStatement['moderation'] };
  });
}
