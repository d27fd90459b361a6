import { z } from 'zod';
import { ImageRef } from './media.ts';
import { text } from './text.ts';

// Proposals in a participatory process (주민 제안, issue 11): supports, threaded stance comments,
// amendments and staff's official answer.

export const PROPOSAL_CATEGORIES = [
  'welfare',
  'economy',
  'youth',
  'environment',
  'safety',
  'culture',
  'participation',
  'other',
] as const;
export type ProposalCategory = (typeof PROPOSAL_CATEGORIES)[number];
export const ANSWER_STATUSES = ['accepted', 'rejected', 'under_review'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];
/** List filter: an answer, none yet, or enough supports for review. */
export const PROPOSAL_FILTERS = ['unanswered', 'eligible', ...ANSWER_STATUSES] as const;
export const PROPOSAL_SORTS = ['supports', 'newest', 'random'] as const;
export type ProposalSort = (typeof PROPOSAL_SORTS)[number];
export const STANCES = ['for', 'against', 'neutral'] as const;
export type Stance = (typeof STANCES)[number];
export const AMENDMENT_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];

export const PROPOSAL_TITLE_MAX = 150;
export const PROPOSAL_BODY_MAX = 6000;

export const ProposalIdParams = z.strictObject({ id: z.uuid() });
export const AmendmentIdParams = z.strictObject({ id: z.uuid() });

export const ProposalBody = z.strictObject({
  title: text({ min: 2, max: PROPOSAL_TITLE_MAX }),
  body: text({ min: 10, max: PROPOSAL_BODY_MAX, multiline: true }),
  category: z.enum(PROPOSAL_CATEGORIES),
  place: text({ max: 200 }),
});
export type ProposalBody = z.infer<typeof ProposalBody>;

export const ProposalListQuery = z.strictObject({
  category: z.enum(PROPOSAL_CATEGORIES).optional(),
  status: z.enum(PROPOSAL_FILTERS).optional(),
  sort: z.enum(PROPOSAL_SORTS).default('supports'),
  /** The random order's seed: the same seed gives the same order, page after page. */
  seed: text({ min: 1, max: 40 }).optional(),
  cursor: text({ max: 600, trim: false }).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type ProposalListQuery = z.infer<typeof ProposalListQuery>;

export const SimilarQuery = z.strictObject({ title: text({ min: 2, max: PROPOSAL_TITLE_MAX }) });
export const SimilarList = z.object({ items: z.array(z.object({ id: z.uuid(), title: z.string() })) });
export type SimilarList = z.infer<typeof SimilarList>;

export const ProposalSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  category: z.enum(PROPOSAL_CATEGORIES),
  place: z.string(),
  /** The author's name masked (김*수), or the sample label. */
  author: z.string(),
  supports: z.number().int(),
  comments: z.number().int(),
  eligible: z.boolean(),
  answerStatus: z.enum(ANSWER_STATUSES).nullable(),
  sample: z.boolean(),
  createdAt: z.string(),
  /** The proposal's image (at most one), alt text in the reader's language; null without one. */
  image: ImageRef.nullable(),
});
export type ProposalSummary = z.infer<typeof ProposalSummary>;
export const ProposalPage = z.object({ items: z.array(ProposalSummary), nextCursor: z.string().nullable() });
export type ProposalPage = z.infer<typeof ProposalPage>;

export const Comment = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  author: z.string(),
  body: z.string(),
  stance: z.enum(STANCES),
  createdAt: z.string(),
  /** The signed-in caller wrote it (no 신고 button on one's own comment). */
  own: z.boolean(),
});
export type Comment = z.infer<typeof Comment>;

export const Amendment = z.object({
  id: z.uuid(),
  author: z.string(),
  body: z.string(),
  status: z.enum(AMENDMENT_STATUSES),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type Amendment = z.infer<typeof Amendment>;

export const Answer = z.object({
  status: z.enum(ANSWER_STATUSES),
  reason: z.string(),
  cost: z.number().int().nullable(),
  period: z.string(),
  answeredAt: z.string(),
});
export type Answer = z.infer<typeof Answer>;

export const Proposal = ProposalSummary.extend({
  processId: z.uuid(),
  processTitle: z.string(),
  body: z.string(),
  version: z.number().int(),
  supportThreshold: z.number().int(),
  /** Whether proposals, supports and amendments are taken now (the current phase has proposals on). */
  open: z.boolean(),
  answer: Answer.nullable(),
  comments: z.number().int(),
  commentList: z.array(Comment),
  amendments: z.array(Amendment),
  /** When its author last edited the title or text themselves; null if never. */
  editedAt: z.string().nullable(),
  /** When its author withdrew it (철회); null while it stands. */
  withdrawnAt: z.string().nullable(),
  /**
   * The caller's relation to it (all false when signed out). canEdit: the author may change the title,
   * text, category and place now (the phase takes proposals, nobody else supports it yet, no answer,
   * not hidden, not withdrawn). canWithdraw: the author may withdraw it (not withdrawn, not accepted
   * or rejected).
   */
  mine: z.object({
    supported: z.boolean(),
    author: z.boolean(),
    canEdit: z.boolean(),
    canWithdraw: z.boolean(),
  }),
});
export type Proposal = z.infer<typeof Proposal>;

export const SupportResult = z.object({
  supported: z.boolean(),
  supports: z.number().int(),
  eligible: z.boolean(),
});
export type SupportResult = z.infer<typeof SupportResult>;

export const CommentBody = z.strictObject({
  body: text({ min: 1, max: 2000, multiline: true }),
  stance: z.enum(STANCES),
  parentId: z.uuid().nullable().optional(),
});
export type CommentBody = z.infer<typeof CommentBody>;

export const AnswerBody = z.strictObject({
  status: z.enum(ANSWER_STATUSES),
  reason: text({ min: 1, max: 4000, multiline: true }),
  cost: z.number().int().min(0).max(1_000_000_000_000).nullable(),
  period: text({ max: 100 }),
});
export type AnswerBody = z.infer<typeof AnswerBody>;

export const AmendmentBody = z.strictObject({
  body: text({ min: 10, max: PROPOSAL_BODY_MAX, multiline: true }),
});
export type AmendmentBody = z.infer<typeof AmendmentBody>;

export const AmendmentDecision = z.strictObject({ decision: z.enum(['accepted', 'rejected']) });
export type AmendmentDecision = z.infer<typeof AmendmentDecision>;
