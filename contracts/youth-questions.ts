import { z } from 'zod';
import { text } from './text.ts';
import { PolicyFieldCode } from './youth-policies.ts';

// Questions on a youth policy (정책 문의) and policy suggestions (청년 정책 제안).

const Text = (min: number, max: number) => text({ min, max });
/** Bodies keep their line breaks. */
const Prose = (min: number, max: number) => text({ min, max, multiline: true });

export const QuestionBody = z.strictObject({
  title: Text(0, 200).optional(),
  body: Prose(1, 2000),
  public: z.boolean(),
});
export type QuestionBody = z.infer<typeof QuestionBody>;

export const AnswerBody = z.strictObject({ answer: Prose(1, 4000) });
export type AnswerBody = z.infer<typeof AnswerBody>;

export const QuestionIdParams = z.strictObject({ id: z.uuid() });

export const Question = z.object({
  id: z.uuid(),
  policyId: z.uuid(),
  policyTitle: z.string(),
  title: z.string(),
  body: z.string(),
  public: z.boolean(),
  /** Masked for everyone but the asker; null when the account was deleted. */
  asker: z.string().nullable(),
  mine: z.boolean(),
  createdAt: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
export type Question = z.infer<typeof Question>;

export const QuestionList = z.object({ items: z.array(Question) });
export type QuestionList = z.infer<typeof QuestionList>;

export const InboxItem = Question.extend({
  /** Unanswered for more than 3 working days (Mon–Fri, Asia/Seoul; public holidays not counted). */
  overdue: z.boolean(),
  workingDaysWaiting: z.number().int(),
});
export const Inbox = z.object({ items: z.array(InboxItem) });
export type Inbox = z.infer<typeof Inbox>;
export type InboxItem = z.infer<typeof InboxItem>;

export const SUGGESTION_STATUSES = ['received', 'reviewing', 'accepted', 'declined', 'done'] as const;
export const SuggestionStatus = z.enum(SUGGESTION_STATUSES);
export type SuggestionStatus = z.infer<typeof SuggestionStatus>;

/** Which status may follow which: received → reviewing → accepted / declined / done. */
export const SUGGESTION_NEXT: Record<SuggestionStatus, SuggestionStatus[]> = {
  received: ['reviewing', 'declined'],
  reviewing: ['accepted', 'declined', 'done'],
  accepted: ['done'],
  declined: [],
  done: [],
};

export const SuggestionBody = z.strictObject({
  title: Text(1, 200),
  body: Prose(1, 4000),
  field: PolicyFieldCode.optional(),
});
export type SuggestionBody = z.infer<typeof SuggestionBody>;

export const SuggestionStatusBody = z.strictObject({
  status: SuggestionStatus,
  reply: Prose(1, 2000),
});
export type SuggestionStatusBody = z.infer<typeof SuggestionStatusBody>;

export const Suggestion = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  field: PolicyFieldCode.nullable(),
  status: SuggestionStatus,
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  /** Masked for everyone but the author; null when the account was deleted. */
  author: z.string().nullable(),
  mine: z.boolean(),
  createdAt: z.string(),
});
export type Suggestion = z.infer<typeof Suggestion>;
export const SuggestionList = z.object({ items: z.array(Suggestion) });
export type SuggestionList = z.infer<typeof SuggestionList>;
