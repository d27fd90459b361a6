import { z } from 'zod';
import { STANCES } from './governance-proposals.ts';
import { text } from './text.ts';

// Debates in a participatory process (토론, issue 11): an open question staff put to residents,
// threaded comments with a stance, closed by staff with a conclusion.

export { STANCES, type Stance } from './governance-proposals.ts';
export const DEBATE_STATUSES = ['open', 'closed'] as const;
export type DebateStatus = (typeof DEBATE_STATUSES)[number];

export const DEBATE_TITLE_MAX = 200;
export const DEBATE_QUESTION_MAX = 4000;
export const DEBATE_COMMENT_MAX = 2000;
export const DEBATE_CONCLUSION_MAX = 4000;

export const DebateIdParams = z.strictObject({ id: z.uuid() });

/** What staff send to open a debate in a process. */
export const DebateBody = z.strictObject({
  title: text({ min: 2, max: DEBATE_TITLE_MAX }),
  question: text({ min: 10, max: DEBATE_QUESTION_MAX, multiline: true }),
});
export type DebateBody = z.infer<typeof DebateBody>;

/** What staff send to close a debate: the conclusion residents read afterwards. */
export const CloseDebateBody = z.strictObject({
  conclusion: text({ min: 10, max: DEBATE_CONCLUSION_MAX, multiline: true }),
});
export type CloseDebateBody = z.infer<typeof CloseDebateBody>;

export const DebateCommentBody = z.strictObject({
  body: text({ min: 1, max: DEBATE_COMMENT_MAX, multiline: true }),
  stance: z.enum(STANCES),
  /** The comment replied to; a reply to a reply joins the same thread. */
  parentId: z.uuid().nullable().optional(),
});
export type DebateCommentBody = z.infer<typeof DebateCommentBody>;

const Paging = {
  cursor: text({ max: 600, trim: false }).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
};
export const DebateListQuery = z.strictObject(Paging);
export type DebateListQuery = z.infer<typeof DebateListQuery>;
export const DebateCommentQuery = z.strictObject(Paging);
export type DebateCommentQuery = z.infer<typeof DebateCommentQuery>;

export const StanceCounts = z.object({
  for: z.number().int(),
  against: z.number().int(),
  neutral: z.number().int(),
});
export type StanceCounts = z.infer<typeof StanceCounts>;

export const DebateSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(DEBATE_STATUSES),
  sample: z.boolean(),
  /** All comments, replies included. */
  comments: z.number().int(),
  createdAt: z.string(),
});
export type DebateSummary = z.infer<typeof DebateSummary>;
export const DebatePage = z.object({ items: z.array(DebateSummary), nextCursor: z.string().nullable() });
export type DebatePage = z.infer<typeof DebatePage>;

export const Debate = DebateSummary.extend({
  processId: z.uuid(),
  processTitle: z.string(),
  question: z.string(),
  /** Comments per stance, replies included. */
  stances: StanceCounts,
  conclusion: z.object({ text: z.string(), closedAt: z.string() }).nullable(),
  /** Whether the process's current phase has debates on. */
  phaseOpen: z.boolean(),
  /** Whether comments are taken now: the debate is open and its phase has debates on. */
  commentsOpen: z.boolean(),
});
export type Debate = z.infer<typeof Debate>;

export const DebateComment = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  /** The author's name masked (김*수), or the sample label. */
  author: z.string(),
  body: z.string(),
  stance: z.enum(STANCES),
  createdAt: z.string(),
});
export type DebateComment = z.infer<typeof DebateComment>;

/** A top-level comment with its replies (oldest first, up to 100). */
export const DebateThread = DebateComment.extend({ replies: z.array(DebateComment) });
export type DebateThread = z.infer<typeof DebateThread>;
/** Top-level comments oldest first, a page at a time. */
export const DebateCommentPage = z.object({
  items: z.array(DebateThread),
  nextCursor: z.string().nullable(),
});
export type DebateCommentPage = z.infer<typeof DebateCommentPage>;
