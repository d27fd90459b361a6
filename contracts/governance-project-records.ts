import { z } from 'zod';
import { CursorParam } from './paging.ts';
import { text } from './text.ts';

// A working group's documents (자료) and a governance project's final evaluation (최종 평가), issue 11.
// Documents are the group's own (members and staff only); the evaluation is recorded by the chair,
// the secretary or staff, can be changed until it is published, and is public once published.

export const DOCUMENT_KINDS = ['agenda', 'reference', 'report', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
/** The criteria of the final evaluation: 목표 달성, 주민 참여, 협업, 지속 가능성. */
export const EVALUATION_CRITERIA = ['goals', 'participation', 'collaboration', 'sustainability'] as const;
export type EvaluationCriterion = (typeof EVALUATION_CRITERIA)[number];
export const EVALUATION_STATUSES = ['draft', 'published'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

/** An https address with a host (http, javascript:, data: and the like are refused). */
export function isHttpsUrl(value: string): boolean {
  if (!value.startsWith('https://') || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

export const DocumentParams = z.strictObject({ id: z.uuid(), documentId: z.uuid() });
export const DocumentListQuery = z.strictObject({
  cursor: CursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type DocumentListQuery = z.infer<typeof DocumentListQuery>;

export const GroupDocument = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  url: z.string().nullable(),
  note: z.string(),
  /** The name of who added it (null once their account is gone). */
  addedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type GroupDocument = z.infer<typeof GroupDocument>;
export const DocumentPage = z.object({ items: z.array(GroupDocument), nextCursor: z.string().nullable() });
export type DocumentPage = z.infer<typeof DocumentPage>;

export const DocumentBody = z
  .strictObject({
    title: text({ min: 2, max: 200 }),
    kind: z.enum(DOCUMENT_KINDS),
    url: text({ max: 2000 }).refine((v) => v === '' || isHttpsUrl(v), {
      params: { messageKey: 'field.https_url' },
    }),
    note: text({ max: 2000, multiline: true }),
  })
  .refine((d) => d.url !== '' || d.note !== '', {
    params: { messageKey: 'field.governance_document_content' },
    path: ['url'],
  });
export type DocumentBody = z.infer<typeof DocumentBody>;

const Score = z.number().int().min(SCORE_MIN).max(SCORE_MAX);
export const Scores = z.strictObject({
  goals: Score,
  participation: Score,
  collaboration: Score,
  sustainability: Score,
});
export type Scores = z.infer<typeof Scores>;

export const EvaluationBody = z.strictObject({
  scores: Scores,
  lessons: text({ min: 2, max: 8000, multiline: true }),
});
export type EvaluationBody = z.infer<typeof EvaluationBody>;

/** The evaluation as the group reads it (draft or published). */
export const Evaluation = z.object({
  scores: Scores,
  /** The mean of the four scores, to one decimal. */
  average: z.number(),
  lessons: z.string(),
  status: z.enum(EVALUATION_STATUSES),
  recordedBy: z.string().nullable(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type Evaluation = z.infer<typeof Evaluation>;

/** What the public accountability page shows: published evaluations only. */
export const PublishedEvaluation = Evaluation.pick({
  scores: true,
  average: true,
  lessons: true,
}).extend({ publishedAt: z.string() });
export type PublishedEvaluation = z.infer<typeof PublishedEvaluation>;
