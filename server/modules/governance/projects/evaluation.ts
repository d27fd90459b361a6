import { eq } from 'drizzle-orm';
import type {
  Evaluation,
  EvaluationBody,
  EvaluationStatus,
  PublishedEvaluation,
} from '../../../../contracts/governance-project-records.ts';
import { writeAudit } from '../../../platform/audit/write.ts';
import { users } from '../../../platform/auth/tables.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Ctx, SignedInCtx } from '../../../platform/http.ts';
import { recorderAccess } from './access.ts';
import { recordUpdate } from './notify.ts';
import { governanceProjectEvaluations as E, governanceProjects } from './tables.ts';

// A governance project's final evaluation (최종 평가): four scores from 1 to 5 and the lessons
// learned. The chair, the secretary or staff record it and may change it until it is published;
// publishing needs the project to be past execution (실행 후), and from then on the evaluation shows
// on the public accountability page and its followers are told, once (it is published only once and
// no longer changes). Every save and the publication are audited.

type Row = typeof E.$inferSelect;

const scoresOf = (r: Row) => ({
  goals: r.scoreGoals,
  participation: r.scoreParticipation,
  collaboration: r.scoreCollaboration,
  sustainability: r.scoreSustainability,
});

const averageOf = (r: Row) =>
  Math.round(
    ((r.scoreGoals + r.scoreParticipation + r.scoreCollaboration + r.scoreSustainability) / 4) * 10,
  ) / 10;

/** The evaluation as the group reads it (draft or published), or null before anyone recorded it. */
export async function evaluationOf(db: DbOrTx, ctx: Ctx, projectId: string): Promise<Evaluation | null> {
  const [row] = await db
    .select({ e: E, recordedBy: users.displayName })
    .from(E)
    .leftJoin(users, eq(users.id, E.recordedBy))
    .where(forOrg(E, ctx, eq(E.projectId, projectId)));
  if (!row) return null;
  return {
    scores: scoresOf(row.e),
    average: averageOf(row.e),
    lessons: row.e.lessons,
    status: row.e.status as EvaluationStatus,
    recordedBy: row.recordedBy ?? null,
    updatedAt: row.e.updatedAt.toISOString(),
    publishedAt: row.e.publishedAt?.toISOString() ?? null,
  };
}

/** The published evaluation for the public page (null while a draft or none). */
export async function publishedEvaluationOf(
  db: DbOrTx,
  ctx: Ctx,
  projectId: string,
): Promise<PublishedEvaluation | null> {
  const [row] = await db
    .select()
    .from(E)
    .where(forOrg(E, ctx, eq(E.projectId, projectId), eq(E.status, 'published')));
  if (!row?.publishedAt) return null;
  return {
    scores: scoresOf(row),
    average: averageOf(row),
    lessons: row.lessons,
    publishedAt: row.publishedAt.toISOString(),
  };
}

async function lockEvaluation(tx: DbOrTx, ctx: SignedInCtx, projectId: string) {
  const [row] = await tx
    .select()
    .from(E)
    .where(forOrg(E, ctx, eq(E.projectId, projectId)))
    .for('update');
  return row;
}

/** The chair, the secretary or staff record or change the draft evaluation. */
export async function saveEvaluation(ctx: SignedInCtx, projectId: string, body: EvaluationBody) {
  return ctx.db.transaction(async (tx) => {
    await recorderAccess(tx, ctx, projectId);
    const current = await lockEvaluation(tx, ctx, projectId);
    if (current?.status === 'published') throw new AppError('governance_evaluation_published', 409);
    const values = {
      scoreGoals: body.scores.goals,
      scoreParticipation: body.scores.participation,
      scoreCollaboration: body.scores.collaboration,
      scoreSustainability: body.scores.sustainability,
      lessons: body.lessons,
      recordedBy: ctx.actor.userId,
      updatedAt: new Date(),
    };
    if (current)
      await tx
        .update(E)
        .set(values)
        .where(forOrg(E, ctx, eq(E.projectId, projectId)));
    else
      await tx
        .insert(E)
        .values({ ...values, projectId, organizationId: ctx.organizationId })
        .onConflictDoUpdate({ target: E.projectId, set: values });
    await writeAudit(tx, ctx, {
      action: 'governance.evaluation.save',
      targetType: 'governance.project',
      targetId: projectId,
      data: { scores: body.scores },
    });
    return (await evaluationOf(tx, ctx, projectId)) as Evaluation;
  });
}

/** Publishing: after execution only; from then on the evaluation is public and no longer changes. */
export async function publishEvaluation(ctx: SignedInCtx, projectId: string) {
  return ctx.db.transaction(async (tx) => {
    await recorderAccess(tx, ctx, projectId);
    const [project] = await tx
      .select({
        id: governanceProjects.id,
        title: governanceProjects.title,
        status: governanceProjects.status,
      })
      .from(governanceProjects)
      .where(forOrg(governanceProjects, ctx, eq(governanceProjects.id, projectId)));
    const current = await lockEvaluation(tx, ctx, projectId);
    if (!current) throw new AppError('governance_evaluation_not_found', 404);
    if (current.status === 'published') throw new AppError('governance_evaluation_published', 409);
    if (project?.status !== 'after') throw new AppError('governance_evaluation_too_early', 409);
    await tx
      .update(E)
      .set({ status: 'published', publishedAt: new Date(), publishedBy: ctx.actor.userId })
      .where(forOrg(E, ctx, eq(E.projectId, projectId)));
    await writeAudit(tx, ctx, {
      action: 'governance.evaluation.publish',
      targetType: 'governance.project',
      targetId: projectId,
    });
    // Under the evaluation's row lock: a second publication is refused above, so this is sent once.
    const average = averageOf(current).toFixed(1);
    await recordUpdate(tx, ctx, project, 'evaluation', {
      ko: `워킹그룹이 최종 평가를 공개했습니다(평균 ${average}점, 5점 만점).`,
      en: `The working group published its final evaluation (average ${average} out of 5).`,
    });
    return (await evaluationOf(tx, ctx, projectId)) as Evaluation;
  });
}
