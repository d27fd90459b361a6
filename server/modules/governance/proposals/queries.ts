import { and, asc, desc, eq, gte, isNull, not, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type {
  Proposal,
  ProposalListQuery,
  ProposalPage,
  ProposalSummary,
  SimilarList,
} from '../../../../contracts/governance-proposals.ts';
import { isStaff } from '../../../platform/access/actor.ts';
import { users } from '../../../platform/auth/tables.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Ctx } from '../../../platform/http.ts';
import type { Locale } from '../../../platform/i18n/locale.ts';
import { mediaImages } from '../../../platform/media/index.ts';
import { cursorKey, decodeCursor, pageOf } from '../../../platform/paging/cursor.ts';
import { maskName } from '../../../platform/privacy/masking.ts';
import { hiddenWhere, maskProfanity } from '../moderation/index.ts';
import { findProcess, governanceProcesses } from '../processes/index.ts';
import { editRefusal, othersSupports, withdrawRefusal } from './rules.ts';
import {
  governanceProposalAmendments,
  governanceProposalComments,
  governanceProposalSupports,
  governanceProposals,
} from './tables.ts';

const P = governanceProposals;
/** The similarity of a title to the typed text: pg_trgm's, as the youth policy search ranks typos. */
const titleSimilarity = (typed: string) =>
  sql<number>`greatest(similarity(${P.title}, ${typed}), word_similarity(${typed}, ${P.title}))`;
/** Shown names are masked (김*수) for everyone, staff included, so no read here is a personal-data read. */
const shownName = (name: string | null, label: string | null) =>
  label ?? (name ? maskName(name) : '(탈퇴한 주민)');

const commentCount = sql<number>`(select count(*)::int from ${governanceProposalComments} c where c.proposal_id = ${P.id})`;
const summaryColumns = {
  id: P.id,
  title: P.title,
  category: P.category,
  place: P.place,
  authorName: users.displayName,
  authorLabel: P.authorLabel,
  supports: P.supports,
  comments: commentCount,
  answerStatus: P.answerStatus,
  sample: P.isSample,
  createdAt: P.createdAt,
  createdKey: sql<string>`${P.createdAt}::text`,
  threshold: governanceProcesses.supportThreshold,
  imageId: mediaImages.id,
  imageWidth: mediaImages.width,
  imageHeight: mediaImages.height,
  imageAltKo: mediaImages.altKo,
  imageAltEn: mediaImages.altEn,
};
/** The proposal's image, if any: of the same organization only (the join says so, not just the id). */
/** A withheld image (its proposal hidden or withdrawn) is left out, as /api/v1/media/:id does. */
const imageJoin = and(
  eq(mediaImages.id, P.imageId),
  eq(mediaImages.organizationId, P.organizationId),
  isNull(mediaImages.withheldAt),
);
type SummaryRow = {
  id: string;
  title: string;
  category: string;
  place: string;
  authorName: string | null;
  authorLabel: string | null;
  supports: number;
  comments: number;
  answerStatus: string | null;
  sample: boolean;
  createdAt: Date;
  createdKey: string;
  threshold: number;
  imageId: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
  imageAltKo: string | null;
  imageAltEn: string | null;
};

/** What a hidden comment shows in its thread instead of its words and author. */
const HIDDEN_COMMENT = {
  ko: '운영 원칙에 따라 가려진 글입니다',
  en: 'This post is hidden under the site’s rules',
};

function imageOf(r: SummaryRow, locale: Locale): ProposalSummary['image'] {
  if (!r.imageId) return null;
  return {
    id: r.imageId,
    width: Number(r.imageWidth),
    height: Number(r.imageHeight),
    alt: locale === 'en' && r.imageAltEn ? r.imageAltEn : (r.imageAltKo ?? ''),
  };
}

function summaryOf(r: SummaryRow, locale: Locale): ProposalSummary {
  return {
    id: r.id,
    title: maskProfanity(r.title),
    category: r.category as ProposalSummary['category'],
    place: r.place,
    author: shownName(r.authorName, r.authorLabel),
    supports: Number(r.supports),
    comments: Number(r.comments),
    eligible: Number(r.supports) >= Number(r.threshold),
    answerStatus: r.answerStatus as ProposalSummary['answerStatus'],
    sample: r.sample,
    createdAt: r.createdAt.toISOString(),
    image: imageOf(r, locale),
  };
}

const SUPPORTS_CURSOR = z.tuple([z.number().int().min(0), cursorKey.timestamp, cursorKey.uuid]);
const NEWEST_CURSOR = z.tuple([cursorKey.timestamp, cursorKey.uuid]);
const RANDOM_CURSOR = z.tuple([z.string().regex(/^[0-9a-f]{32}$/), cursorKey.uuid]);

/**
 * A page of a process's proposals, filtered and sorted. Every order is a keyset over unique keys, so
 * pages never repeat or skip a row; the random order is md5(seed ‖ id): the same seed gives the same
 * order on every page and for everyone, a new seed a new shuffle.
 */
export async function listProposals(
  ctx: Ctx,
  processId: string,
  q: ProposalListQuery,
): Promise<ProposalPage> {
  await findProcess(ctx.db, ctx.organizationId, processId); // 404 outside the organization
  const seed = q.seed ?? 'hamkke';
  const shuffle = sql`md5(${seed} || ${P.id}::text)`;
  // Withdrawn proposals leave the list (their page still says so); hidden ones too.
  const where: (SQL | undefined)[] = [
    eq(P.processId, processId),
    isNull(P.withdrawnAt),
    not(hiddenWhere('proposal', P.id)),
  ];
  if (q.category) where.push(eq(P.category, q.category));
  if (q.status === 'unanswered') where.push(isNull(P.answerStatus));
  else if (q.status === 'eligible') where.push(gte(P.supports, governanceProcesses.supportThreshold));
  else if (q.status) where.push(eq(P.answerStatus, q.status));
  let order: SQL[];
  let keyOf: (r: SummaryRow & { shuffleKey: string }) => unknown;
  if (q.sort === 'supports') {
    if (q.cursor) {
      const [s, c, id] = decodeCursor(q.cursor, SUPPORTS_CURSOR);
      where.push(sql`(${P.supports}, ${P.createdAt}, ${P.id}) < (${s}, ${c}::timestamptz, ${id}::uuid)`);
    }
    order = [desc(P.supports), desc(P.createdAt), desc(P.id)];
    keyOf = (r) => [Number(r.supports), r.createdKey, r.id];
  } else if (q.sort === 'newest') {
    if (q.cursor) {
      const [c, id] = decodeCursor(q.cursor, NEWEST_CURSOR);
      where.push(sql`(${P.createdAt}, ${P.id}) < (${c}::timestamptz, ${id}::uuid)`);
    }
    order = [desc(P.createdAt), desc(P.id)];
    keyOf = (r) => [r.createdKey, r.id];
  } else {
    if (q.cursor) {
      const [h, id] = decodeCursor(q.cursor, RANDOM_CURSOR);
      where.push(sql`(${shuffle}, ${P.id}) > (${h}, ${id}::uuid)`);
    }
    order = [asc(shuffle), asc(P.id)];
    keyOf = (r) => [r.shuffleKey, r.id];
  }
  const rows = await ctx.db
    .select({ ...summaryColumns, shuffleKey: sql<string>`${shuffle}` })
    .from(P)
    .innerJoin(governanceProcesses, eq(governanceProcesses.id, P.processId))
    .leftJoin(users, eq(users.id, P.authorId))
    .leftJoin(mediaImages, imageJoin)
    .where(forOrg(P, ctx, ...where))
    .orderBy(...order)
    .limit(q.limit + 1);
  return pageOf(rows, q.limit, keyOf, (r) => summaryOf(r, ctx.locale));
}

/**
 * Titles in the same process like the one being typed (duplicate detection): pg_trgm's similarity
 * or word similarity, the same matching the youth policy search uses for typos, best first.
 */
export async function similarTitles(ctx: Ctx, processId: string, typed: string): Promise<SimilarList> {
  await findProcess(ctx.db, ctx.organizationId, processId);
  const score = titleSimilarity(typed);
  const rows = await ctx.db
    .select({ id: P.id, title: P.title })
    .from(P)
    .where(
      forOrg(
        P,
        ctx,
        eq(P.processId, processId),
        sql`(${P.title} % ${typed} or ${typed} <% ${P.title})`,
        isNull(P.withdrawnAt),
        not(hiddenWhere('proposal', P.id)),
      ),
    )
    .orderBy(desc(score), asc(P.id))
    .limit(5);
  return { items: rows.map((r) => ({ ...r, title: maskProfanity(r.title) })) };
}

/** The proposal row (for commands), 404 outside the organization. */
export async function proposalRow(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(P)
    .where(forOrg(P, organizationId, eq(P.id, id)));
  if (!row) throw new AppError('governance_proposal_not_found', 404);
  return row;
}

/** One proposal with its answer, comments (oldest first, up to 500) and amendments, as the caller sees it. */
export async function findProposal(ctx: Ctx, id: string): Promise<Proposal> {
  const [row] = await ctx.db
    .select({
      ...summaryColumns,
      processId: P.processId,
      body: P.body,
      version: P.version,
      authorId: P.authorId,
      hidden: hiddenWhere('proposal', P.id),
    })
    .from(P)
    .innerJoin(governanceProcesses, eq(governanceProcesses.id, P.processId))
    .leftJoin(users, eq(users.id, P.authorId))
    .leftJoin(mediaImages, imageJoin)
    .where(forOrg(P, ctx, eq(P.id, id)));
  // A hidden proposal is gone for everyone but its author and staff.
  if (!row || (row.hidden && !isStaff(ctx.actor) && (!ctx.actor.userId || row.authorId !== ctx.actor.userId)))
    throw new AppError('governance_proposal_not_found', 404);
  const [full] = await ctx.db
    .select()
    .from(P)
    .where(forOrg(P, ctx, eq(P.id, id)));
  const process = await findProcess(ctx.db, ctx.organizationId, row.processId);
  const C = governanceProposalComments;
  const comments = await ctx.db
    .select({
      id: C.id,
      parentId: C.parentId,
      authorName: users.displayName,
      authorLabel: C.authorLabel,
      body: C.body,
      stance: C.stance,
      createdAt: C.createdAt,
      authorId: C.authorId,
      hidden: hiddenWhere('comment', C.id),
    })
    .from(C)
    .leftJoin(users, eq(users.id, C.authorId))
    .where(forOrg(C, ctx, eq(C.proposalId, id)))
    .orderBy(asc(C.createdAt), asc(C.id))
    .limit(500);
  const A = governanceProposalAmendments;
  const amendments = await ctx.db
    .select({
      id: A.id,
      authorName: users.displayName,
      body: A.body,
      status: A.status,
      createdAt: A.createdAt,
      decidedAt: A.decidedAt,
    })
    .from(A)
    .leftJoin(users, eq(users.id, A.authorId))
    .where(forOrg(A, ctx, eq(A.proposalId, id)))
    .orderBy(desc(A.createdAt))
    .limit(100);
  const userId = ctx.actor.userId;
  const author = userId !== null && row.authorId === userId;
  const supported = userId
    ? (
        await ctx.db
          .select({ id: governanceProposalSupports.id })
          .from(governanceProposalSupports)
          .where(
            forOrg(
              governanceProposalSupports,
              ctx,
              eq(governanceProposalSupports.proposalId, id),
              eq(governanceProposalSupports.userId, userId),
            ),
          )
      ).length > 0
    : false;
  return {
    ...summaryOf(row, ctx.locale),
    processId: row.processId,
    processTitle: process.title,
    body: maskProfanity(row.body),
    version: row.version,
    supportThreshold: Number(row.threshold),
    open: process.open.proposals,
    answer:
      full.answerStatus && full.answeredAt
        ? {
            status: full.answerStatus as NonNullable<Proposal['answer']>['status'],
            reason: full.answerReason ?? '',
            cost: full.answerCost === null ? null : Number(full.answerCost),
            period: full.answerPeriod ?? '',
            answeredAt: full.answeredAt.toISOString(),
          }
        : null,
    commentList: comments.map((c) => ({
      id: c.id,
      parentId: c.parentId,
      author: c.hidden ? '' : shownName(c.authorName, c.authorLabel),
      body: c.hidden ? HIDDEN_COMMENT[ctx.locale === 'en' ? 'en' : 'ko'] : maskProfanity(c.body),
      stance: c.stance as Proposal['commentList'][number]['stance'],
      createdAt: c.createdAt.toISOString(),
      own: userId !== null && c.authorId === userId,
    })),
    amendments: amendments.map((a) => ({
      id: a.id,
      author: shownName(a.authorName, null),
      body: maskProfanity(a.body),
      status: a.status as Proposal['amendments'][number]['status'],
      createdAt: a.createdAt.toISOString(),
      decidedAt: a.decidedAt?.toISOString() ?? null,
    })),
    editedAt: full.editedAt?.toISOString() ?? null,
    withdrawnAt: full.withdrawnAt?.toISOString() ?? null,
    mine: {
      supported,
      author,
      canEdit:
        author &&
        editRefusal(full, {
          open: process.open.proposals,
          hidden: Boolean(row.hidden),
          othersSupports: await othersSupports(ctx.db, ctx.organizationId, id, full.authorId),
        }) === null,
      canWithdraw: author && !full.withdrawnAt && withdrawRefusal(full) === null,
    },
  };
}
