import { eq } from 'drizzle-orm';
import {
  SUGGESTION_NEXT,
  type SuggestionBody,
  type SuggestionStatusBody,
} from '../../../../contracts/youth-questions.ts';
import { writeAudit } from '../../../platform/audit/write.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Ctx, SignedInCtx } from '../../../platform/http.ts';
import { enqueueNotification } from '../../../platform/notify/index.ts';
import { STATUS_LABELS, SUGGESTION_UPDATED } from './notify.ts';
import { findSuggestion } from './queries.ts';
import { youthSuggestions } from './tables.ts';

async function present(tx: DbOrTx, ctx: Ctx, id: string, route: string, reason: string) {
  const found = await findSuggestion(tx, ctx, id, route, reason);
  if (!found) throw new AppError('youth_suggestion_not_found', 404);
  return found;
}

export async function submitSuggestion(ctx: SignedInCtx, body: SuggestionBody, route: string) {
  const authorId = ctx.actor.userId;
  const [row] = await ctx.db
    .insert(youthSuggestions)
    .values({
      organizationId: ctx.organizationId,
      authorId,
      title: body.title,
      body: body.body,
      field: body.field ?? null,
    })
    .returning({ id: youthSuggestions.id });
  return present(ctx.db, ctx, row.id, route, 'youth.suggestions.submit'); // the author's own: not logged
}

/**
 * Staff move a suggestion on with a public reply; audited, and the author is told. The answer shows
 * the author's name, so it is read and access-logged in the same transaction.
 */
export async function changeSuggestionStatus(
  ctx: Ctx,
  id: string,
  body: SuggestionStatusBody,
  route: string,
) {
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: youthSuggestions.status, authorId: youthSuggestions.authorId })
      .from(youthSuggestions)
      .where(forOrg(youthSuggestions, ctx.organizationId, eq(youthSuggestions.id, id)))
      .for('update');
    if (!current) throw new AppError('youth_suggestion_not_found', 404);
    if (!SUGGESTION_NEXT[current.status].includes(body.status))
      throw new AppError('youth_suggestion_bad_transition', 409);
    const now = new Date();
    await tx
      .update(youthSuggestions)
      .set({ status: body.status, reply: body.reply, repliedAt: now, updatedAt: now })
      .where(forOrg(youthSuggestions, ctx, eq(youthSuggestions.id, id)));
    await writeAudit(tx, ctx, {
      action: 'youth.suggestion.status',
      targetType: 'youth.suggestion',
      targetId: id,
      data: { from: current.status, to: body.status },
    });
    if (current.authorId) {
      const label = STATUS_LABELS[body.status];
      await enqueueNotification(
        tx,
        {
          organizationId: ctx.organizationId,
          userId: current.authorId,
          kind: SUGGESTION_UPDATED,
          title: {
            ko: `정책 제안이 '${label.ko}' 상태로 바뀌었습니다.`,
            en: `Your policy suggestion is now '${label.en}'.`,
          },
          body: { ko: '답변을 확인해 주십시오.', en: 'See the reply.' },
          link: '/youth/suggestions/mine',
        },
        ctx.jobs,
      );
    }
    return present(tx, ctx, id, route, 'youth.suggestions.status');
  });
}
