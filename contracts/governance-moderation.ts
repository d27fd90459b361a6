import { z } from 'zod';
import { CursorParam } from './paging.ts';
import { text } from './text.ts';

// Moderation of proposals and their comments (issue 11, "Moderation and trust"): residents report
// (신고) content, three reports from different accounts hide it until staff review it, staff hide or
// restore it with a reason, and the author is told and can appeal.

export const MODERATION_TARGETS = ['proposal', 'comment'] as const;
export type ModerationTarget = (typeof MODERATION_TARGETS)[number];

export const REPORT_REASONS = ['abuse', 'spam', 'privacy', 'off_topic', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** reported: under review, still shown; auto_hidden: hidden by reports until staff review; hidden / restored: staff decided. */
export const MODERATION_STATES = ['reported', 'auto_hidden', 'hidden', 'restored'] as const;
export type ModerationState = (typeof MODERATION_STATES)[number];

/** Reports from this many different accounts hide the content until staff review it. */
export const AUTO_HIDE_REPORTS = 3;

export const ReportBody = z.strictObject({
  targetType: z.enum(MODERATION_TARGETS),
  targetId: z.uuid(),
  reason: z.enum(REPORT_REASONS),
  note: text({ max: 500, multiline: true }).optional(),
});
export type ReportBody = z.infer<typeof ReportBody>;

export const ReportResult = z.object({
  reported: z.boolean(),
  hidden: z.boolean(),
});
export type ReportResult = z.infer<typeof ReportResult>;

export const ModerationTargetParams = z.strictObject({
  targetType: z.enum(MODERATION_TARGETS),
  targetId: z.uuid(),
});
export type ModerationTargetParams = z.infer<typeof ModerationTargetParams>;

export const DecisionBody = z.strictObject({
  decision: z.enum(['hide', 'restore']),
  reason: text({ min: 2, max: 500, multiline: true }),
});
export type DecisionBody = z.infer<typeof DecisionBody>;

/** An appeal's course: none made for this hiding, waiting for staff, accepted (shown again) or rejected. */
export const APPEAL_STATES = ['none', 'pending', 'accepted', 'rejected'] as const;
export type AppealState = (typeof APPEAL_STATES)[number];

/** Staff answer an author's appeal: accept (the post is shown again) or reject (it stays hidden). */
export const AppealDecisionBody = z.strictObject({
  decision: z.enum(['accept', 'reject']),
  reason: text({ min: 2, max: 500, multiline: true }),
});
export type AppealDecisionBody = z.infer<typeof AppealDecisionBody>;

export const AppealBody = z.strictObject({
  text: text({ min: 5, max: 1000, multiline: true }),
});
export type AppealBody = z.infer<typeof AppealBody>;

export const QueueQuery = z.strictObject({
  cursor: CursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type QueueQuery = z.infer<typeof QueueQuery>;

export const QueueItem = z.object({
  targetType: z.enum(MODERATION_TARGETS),
  targetId: z.uuid(),
  proposalId: z.uuid(),
  /** The proposal's title, and for a comment its text, as written (staff decide on the real words). */
  title: z.string(),
  excerpt: z.string(),
  state: z.enum(MODERATION_STATES),
  reports: z.number().int(),
  reasons: z.array(z.object({ reason: z.enum(REPORT_REASONS), count: z.number().int() })),
  appeal: z.string().nullable(),
  /** pending: staff answer the appeal (accept or reject) rather than hide or restore. */
  appealState: z.enum(APPEAL_STATES),
  firstReportedAt: z.string(),
});
export type QueueItem = z.infer<typeof QueueItem>;

export const QueuePage = z.object({ items: z.array(QueueItem), nextCursor: z.string().nullable() });
export type QueuePage = z.infer<typeof QueuePage>;

export const ModerationStatus = z.object({
  targetType: z.enum(MODERATION_TARGETS),
  targetId: z.uuid(),
  state: z.enum(MODERATION_STATES),
  hidden: z.boolean(),
  reports: z.number().int(),
  reason: z.string().nullable(),
  appeal: z.string().nullable(),
  appealState: z.enum(APPEAL_STATES),
});
export type ModerationStatus = z.infer<typeof ModerationStatus>;

export const MyModerationQuery = z.strictObject({
  /** Only the caller's posts in this proposal (the proposal itself and its comments). */
  proposalId: z.uuid().optional(),
  cursor: CursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type MyModerationQuery = z.infer<typeof MyModerationQuery>;

/** One of the caller's own posts that is hidden or was appealed, as its author sees it. */
export const MyModerationItem = z.object({
  targetType: z.enum(MODERATION_TARGETS),
  targetId: z.uuid(),
  proposalId: z.uuid(),
  proposalTitle: z.string(),
  /** The author's own words (they wrote them; nobody else sees a hidden post). */
  excerpt: z.string(),
  state: z.enum(MODERATION_STATES),
  hidden: z.boolean(),
  /** Staff's reason; null while it is hidden by residents' reports pending review. */
  reason: z.string().nullable(),
  appeal: z.string().nullable(),
  appealState: z.enum(APPEAL_STATES),
  /** When it was hidden or last decided. */
  changedAt: z.string(),
});
export type MyModerationItem = z.infer<typeof MyModerationItem>;

export const MyModerationPage = z.object({
  items: z.array(MyModerationItem),
  nextCursor: z.string().nullable(),
});
export type MyModerationPage = z.infer<typeof MyModerationPage>;
