import { eq } from 'drizzle-orm';
import type { AnswerBody, QuestionBody } from '../../../../contracts/youth-questions.ts';
import { writeAudit } from '../../../platform/audit/write.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Ctx, SignedInCtx } from '../../../platform/http.ts';
import { enqueueNotification } from '../../../platform/notify/index.ts';
import { youthPolicies } from '../policies/index.ts';
import { QUESTION_ANSWERED } from './notify.ts';
import { findQuestion, findQuestionLogged } from './queries.ts';
import { youthQuestions } from './tables.ts';

/** Only a published policy takes questions; anything else reads as not found. */
export async function assertPublishedPolicy(ctx: Ctx, policyId: string): Promise<void> {
  const [policy] = await ctx.db
    .select({ status: youthPolicies.status })
    .from(youthPolicies)
    .where(forOrg(youthPolicies, ctx.organizationId, eq(youthPolicies.id, policyId)));
  if (policy?.status !== 'published') throw new AppError('not_found', 404);
}

export async function askQuestion(ctx: SignedInCtx, policyId: string, body: QuestionBody) {
  const askerId = ctx.actor.userId;
  await assertPublishedPolicy(ctx, policyId);
  const [row] = await ctx.db
    .insert(youthQuestions)
    .values({
      organizationId: ctx.organizationId,
      policyId,
      askerId,
      title: body.title ?? '',
      body: body.body,
      isPublic: body.public,
    })
    .returning({ id: youthQuestions.id });
  const question = await findQuestion(ctx.db, ctx.organizationId, row.id, ctx.actor);
  if (!question) throw new AppError('youth_question_not_found', 404);
  return question;
}

/**
 * Answers a question or edits its answer; the asker is told of the first answer only. The answer
 * shows the asker's name, so it is read and access-logged in the same transaction.
 */
export async function answerQuestion(ctx: SignedInCtx, id: string, body: AnswerBody, route: string) {
  const staffId = ctx.actor.userId;
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({
        askerId: youthQuestions.askerId,
        policyId: youthQuestions.policyId,
        answeredAt: youthQuestions.answeredAt,
      })
      .from(youthQuestions)
      .where(forOrg(youthQuestions, ctx.organizationId, eq(youthQuestions.id, id)))
      .for('update');
    if (!current) throw new AppError('youth_question_not_found', 404);
    const first = current.answeredAt === null;
    await tx
      .update(youthQuestions)
      .set({ answer: body.answer, answeredBy: staffId, answeredAt: first ? new Date() : current.answeredAt })
      .where(forOrg(youthQuestions, ctx, eq(youthQuestions.id, id)));
    await writeAudit(tx, ctx, {
      action: first ? 'youth.question.answer' : 'youth.question.answer_edit',
      targetType: 'youth.question',
      targetId: id,
    });
    if (first && current.askerId)
      await enqueueNotification(
        tx,
        {
          organizationId: ctx.organizationId,
          userId: current.askerId,
          kind: QUESTION_ANSWERED,
          title: {
            ko: '문의하신 정책에 답변이 등록되었습니다.',
            en: 'Your policy question has been answered.',
          },
          body: {
            ko: '정책 페이지에서 답변을 확인해 주십시오.',
            en: 'See the answer on the policy page.',
          },
          link: `/youth/policies/${current.policyId}#youth-questions`,
        },
        ctx.jobs,
      );
    const question = await findQuestionLogged(tx, ctx, id, route, 'youth.questions.answer');
    if (!question) throw new AppError('youth_question_not_found', 404);
    return question;
  });
}
