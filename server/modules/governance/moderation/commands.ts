import { and, eq, sql } from 'drizzle-orm';
import {
  type AppealBody,
  type AppealDecisionBody,
  AUTO_HIDE_REPORTS,
  type DecisionBody,
  type ModerationStatus,
  type ModerationTarget,
  type ReportBody,
  type ReportResult,
} from '../../../../contracts/governance-moderation.ts';
import { writeAudit } from '../../../platform/audit/write.ts';
import { type DbOrTx, queryRows } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { SignedInCtx } from '../../../platform/http.ts';
import { enqueueNotification } from '../../../platform/notify/index.ts';
import { CONTENT_MODERATED } from './notify.ts';
import { appealStateOf, statusOf } from './queries.ts';
import { governanceModerationItems, governanceModerationReports } from './tables.ts';
import { proposalVisibilityChanged } from './visibility.ts';

const I = governanceModerationItems;
const HIDDEN_STATES = new Set(['auto_hidden', 'hidden']);
/** The audit log's target types (labelled in proposals' and this feature's messages). */
const AUDIT_TARGET = { proposal: 'governance.proposal', comment: 'governance.comment' } as const;

interface Target {
  proposalId: string;
  authorId: string | null;
  title: string;
}

/** The reported proposal or comment in the organization (404 elsewhere): its proposal, author and title. */
async function targetOf(
  db: DbOrTx,
  organizationId: string,
  type: ModerationTarget,
  id: string,
): Promise<Target> {
  const rows =
    type === 'proposal'
      ? await queryRows<Target>(
          db,
          sql`select id as "proposalId", author_id as "authorId", title
                from governance_proposals where organization_id = ${organizationId} and id = ${id}`,
        )
      : await queryRows<Target>(
          db,
          sql`select c.proposal_id as "proposalId", c.author_id as "authorId", p.title
                from governance_proposal_comments c join governance_proposals p on p.id = c.proposal_id
               where c.organization_id = ${organizationId} and c.id = ${id}`,
        );
  if (!rows[0]) throw new AppError('governance_moderation_target_not_found', 404);
  return rows[0];
}

/** The item's row, made on first need and locked for the rest of the transaction. */
async function lockedItem(tx: DbOrTx, ctx: SignedInCtx, type: ModerationTarget, id: string, target: Target) {
  await tx
    .insert(I)
    .values({
      organizationId: ctx.organizationId,
      targetType: type,
      targetId: id,
      proposalId: target.proposalId,
      authorId: target.authorId,
    })
    .onConflictDoNothing();
  const [item] = await tx
    .select()
    .from(I)
    .where(forOrg(I, ctx, eq(I.targetType, type), eq(I.targetId, id)))
    .for('update');
  if (!item) throw new AppError('governance_moderation_target_not_found', 404);
  return item;
}

const what = (type: ModerationTarget) =>
  type === 'proposal' ? { ko: '제안', en: 'proposal' } : { ko: '댓글', en: 'comment' };

type Change = 'auto_hidden' | 'hidden' | 'restored' | 'appeal_accepted' | 'appeal_rejected';

/** Where the author reads a hidden post's notice and appeals (the web's 내 글 숨김 안내). */
export const MY_HIDDEN_PAGE = '/governance/moderation/mine';

/** Tells the author (if the item still has one) that it was hidden or restored, or how their appeal went, in the transaction. */
async function tellAuthor(
  tx: DbOrTx,
  ctx: SignedInCtx,
  type: ModerationTarget,
  target: Target,
  authorId: string | null,
  change: Change,
  reason: string | null,
) {
  if (!authorId) return;
  const w = what(type);
  const title = {
    restored: { ko: `내 ${w.ko}이(가) 다시 공개되었습니다.`, en: `Your ${w.en} is shown again.` },
    auto_hidden: {
      ko: `여러 주민의 신고로 내 ${w.ko}이(가) 검토 때까지 가려졌습니다.`,
      en: `Your ${w.en} is hidden until staff review the reports about it.`,
    },
    hidden: {
      ko: `운영 원칙에 따라 내 ${w.ko}이(가) 가려졌습니다.`,
      en: `Your ${w.en} was hidden by staff.`,
    },
    appeal_accepted: {
      ko: `이의 신청을 받아들여 내 ${w.ko}을(를) 다시 공개했습니다.`,
      en: `Your appeal was accepted: your ${w.en} is shown again.`,
    },
    appeal_rejected: {
      ko: `이의 신청을 검토했으나 내 ${w.ko}은(는) 계속 가려집니다.`,
      en: `Your appeal was reviewed: your ${w.en} stays hidden.`,
    },
  }[change];
  const canAppeal = change === 'auto_hidden' || change === 'hidden';
  const appeal = canAppeal
    ? {
        ko: ' 이의가 있으면 ‘내 글 숨김 안내’에서 이의를 신청할 수 있습니다.',
        en: ' You can appeal from “My hidden posts”.',
      }
    : { ko: '', en: '' };
  const because = reason ? { ko: ` 사유: ${reason}.`, en: ` Reason: ${reason}.` } : { ko: '', en: '' };
  const shown = change === 'restored' || change === 'appeal_accepted';
  await enqueueNotification(
    tx,
    {
      organizationId: ctx.organizationId,
      userId: authorId,
      kind: CONTENT_MODERATED,
      title,
      body: {
        ko: `제안: ${target.title}.${because.ko}${appeal.ko}`,
        en: `Proposal: ${target.title}.${because.en}${appeal.en}`,
      },
      link: shown ? `/governance/proposals/${target.proposalId}` : MY_HIDDEN_PAGE,
    },
    ctx.jobs,
  );
}

/**
 * A resident reports (신고) a proposal or comment. One report per account and item (the unique key);
 * the item's row is locked while its count moves, so of parallel reports exactly the one that
 * makes AUTO_HIDE_REPORTS hides it, pending staff review, and tells the author.
 */
export async function report(ctx: SignedInCtx, body: ReportBody): Promise<ReportResult> {
  return ctx.db.transaction(async (tx) => {
    const target = await targetOf(tx, ctx.organizationId, body.targetType, body.targetId);
    if (target.authorId === ctx.actor.userId) throw new AppError('governance_report_own', 409);
    const item = await lockedItem(tx, ctx, body.targetType, body.targetId, target);
    const R = governanceModerationReports;
    const inserted = await tx
      .insert(R)
      .values({
        organizationId: ctx.organizationId,
        targetType: body.targetType,
        targetId: body.targetId,
        reporterId: ctx.actor.userId,
        reason: body.reason,
        note: body.note || null,
      })
      .onConflictDoNothing()
      .returning({ id: R.id });
    if (inserted.length === 0) return { reported: true, hidden: HIDDEN_STATES.has(item.state) };
    const reports = item.reports + 1;
    const autoHide = item.state === 'reported' && reports >= AUTO_HIDE_REPORTS;
    const state = autoHide ? 'auto_hidden' : item.state;
    await tx
      .update(I)
      .set({
        reports,
        state,
        // A new hiding: an appeal made against an earlier one is done with, and one may be made again.
        ...(autoHide ? { appeal: null, appealedAt: null } : {}),
        // A report after staff restored an item asks them to look again; hidden items stay decided.
        needsReview: item.needsReview || item.state === 'restored',
      })
      .where(forOrg(I, ctx, eq(I.targetType, body.targetType), eq(I.targetId, body.targetId)));
    if (autoHide) {
      if (body.targetType === 'proposal')
        await proposalVisibilityChanged(tx, ctx.organizationId, body.targetId);
      // Hidden by the reports, not by the reporter: the entry names no person.
      await writeAudit(
        tx,
        { actor: { userId: null }, organizationId: ctx.organizationId, ip: null, config: ctx.config },
        {
          action: 'governance.moderation.auto_hide',
          targetType: AUDIT_TARGET[body.targetType],
          targetId: body.targetId,
          data: { reports },
        },
      );
      await tellAuthor(tx, ctx, body.targetType, target, item.authorId, 'auto_hidden', null);
    }
    return { reported: true, hidden: HIDDEN_STATES.has(state) };
  });
}

/**
 * Staff hide or restore an item with a reason, in the transaction (audited, the author told). A
 * hide of a post that was shown starts a new hiding (a past appeal is cleared); a decision on a
 * post with a waiting appeal answers that appeal (kept, so its author sees how it went).
 */
async function applyDecision(
  tx: DbOrTx,
  ctx: SignedInCtx,
  type: ModerationTarget,
  id: string,
  hide: boolean,
  reason: string,
  appealOnly: boolean,
) {
  const target = await targetOf(tx, ctx.organizationId, type, id);
  const item = await lockedItem(tx, ctx, type, id, target);
  const pendingAppeal = appealStateOf(item) === 'pending';
  if (appealOnly && !pendingAppeal) throw new AppError('governance_appeal_none', 409);
  const wasHidden = HIDDEN_STATES.has(item.state);
  const state = hide ? 'hidden' : 'restored';
  const newHiding = hide && !wasHidden;
  await tx
    .update(I)
    .set({
      state,
      reason,
      needsReview: false,
      ...(newHiding ? { appeal: null, appealedAt: null } : {}),
      decidedBy: ctx.actor.userId,
      decidedAt: new Date(),
    })
    .where(forOrg(I, ctx, eq(I.targetType, type), eq(I.targetId, id)));
  if (type === 'proposal') await proposalVisibilityChanged(tx, ctx.organizationId, id);
  await writeAudit(tx, ctx, {
    action: pendingAppeal
      ? hide
        ? 'governance.moderation.appeal_reject'
        : 'governance.moderation.appeal_accept'
      : hide
        ? 'governance.moderation.hide'
        : 'governance.moderation.restore',
    targetType: AUDIT_TARGET[type],
    targetId: id,
    data: { reason, reports: item.reports },
  });
  // The author hears of a hide, of a restore of what had been hidden, and of their appeal's answer.
  if (pendingAppeal)
    await tellAuthor(
      tx,
      ctx,
      type,
      target,
      item.authorId,
      hide ? 'appeal_rejected' : 'appeal_accepted',
      reason,
    );
  else if (state === 'hidden' || wasHidden)
    await tellAuthor(tx, ctx, type, target, item.authorId, state, reason);
}

/** Staff hide or restore a proposal or comment with a reason (audited); the author is told. */
export async function decide(
  ctx: SignedInCtx,
  type: ModerationTarget,
  id: string,
  body: DecisionBody,
): Promise<ModerationStatus> {
  await ctx.db.transaction((tx) =>
    applyDecision(tx, ctx, type, id, body.decision === 'hide', body.reason, false),
  );
  return statusOf(ctx, type, id);
}

/**
 * Staff answer the author's waiting appeal with a reason: accept (the post is shown again) or reject
 * (it stays hidden). Audited; the author is told; 409 when no appeal waits.
 */
export async function decideAppeal(
  ctx: SignedInCtx,
  type: ModerationTarget,
  id: string,
  body: AppealDecisionBody,
): Promise<ModerationStatus> {
  await ctx.db.transaction((tx) =>
    applyDecision(tx, ctx, type, id, body.decision === 'reject', body.reason, true),
  );
  return statusOf(ctx, type, id);
}

/** The author appeals against their hidden item: it goes back to the staff queue with their words. */
export async function appeal(
  ctx: SignedInCtx,
  type: ModerationTarget,
  id: string,
  body: AppealBody,
): Promise<ModerationStatus> {
  await ctx.db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(I)
      .where(forOrg(I, ctx, eq(I.targetType, type), eq(I.targetId, id)))
      .for('update');
    if (!item || item.authorId !== ctx.actor.userId)
      throw new AppError('governance_moderation_target_not_found', 404);
    if (!HIDDEN_STATES.has(item.state)) throw new AppError('governance_appeal_not_hidden', 409);
    // One appeal per hiding: a waiting one, or one staff already answered, stands.
    const already = appealStateOf(item);
    if (already === 'pending') throw new AppError('governance_appeal_pending', 409);
    if (already !== 'none') throw new AppError('governance_appeal_decided', 409);
    await tx
      .update(I)
      .set({ appeal: body.text, appealedAt: new Date(), needsReview: true })
      .where(and(eq(I.targetType, type), eq(I.targetId, id)));
    await writeAudit(tx, ctx, {
      action: 'governance.moderation.appeal',
      targetType: AUDIT_TARGET[type],
      targetId: id,
    });
  });
  return statusOf(ctx, type, id);
}
