import { z } from 'zod';
import { text } from './text.ts';

// Deliberations (숙의 지도, Pol.is-style): statements, agree / disagree / pass votes and the opinion map.

export const DELIBERATION_STATUSES = ['open', 'closed'] as const;
export type DeliberationStatus = (typeof DELIBERATION_STATUSES)[number];
export const MODERATIONS = ['unmoderated', 'accepted', 'rejected'] as const;
export type Moderation = (typeof MODERATIONS)[number];
export const PARTICIPANT_KINDS = ['account', 'imported', 'sample'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];
export const VOTES = ['agree', 'disagree', 'pass'] as const;
export type VoteChoice = (typeof VOTES)[number];
/** How votes are stored (Pol.is's values): agree +1, disagree −1, pass 0. */
export const VOTE_VALUES = [-1, 0, 1] as const;
export const VOTE_VALUE: Record<VoteChoice, -1 | 0 | 1> = { agree: 1, disagree: -1, pass: 0 };
/** A new statement is at most 140 characters, as on Pol.is. */
export const STATEMENT_MAX = 140;

export const DeliberationIdParams = z.strictObject({ id: z.uuid() });
export const StatementIdParams = z.strictObject({ id: z.uuid() });

export const Deliberation = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  status: z.enum(DELIBERATION_STATUSES),
  sample: z.boolean(),
  statements: z.number().int(),
  participants: z.number().int(),
  votes: z.number().int(),
  createdAt: z.string(),
});
export type Deliberation = z.infer<typeof Deliberation>;
export const DeliberationList = z.object({ items: z.array(Deliberation) });
export type DeliberationList = z.infer<typeof DeliberationList>;

export const Statement = z.object({ id: z.uuid(), text: z.string(), meta: z.boolean() });
export type Statement = z.infer<typeof Statement>;

/** The next statement for the signed-in participant (null when none is left) and how far they are. */
export const NextStatement = z.object({
  statement: Statement.nullable(),
  voted: z.number().int(),
  total: z.number().int(),
});
export type NextStatement = z.infer<typeof NextStatement>;

export const VoteBody = z.strictObject({ statementId: z.uuid(), vote: z.enum(VOTES) });
export type VoteBody = z.infer<typeof VoteBody>;

export const StatementBody = z.strictObject({ text: text({ min: 1, max: STATEMENT_MAX }) });
export type StatementBody = z.infer<typeof StatementBody>;

export const SubmittedStatement = z.object({
  id: z.uuid(),
  text: z.string(),
  moderation: z.enum(MODERATIONS),
});
export type SubmittedStatement = z.infer<typeof SubmittedStatement>;

export const ModerationBody = z.strictObject({
  moderation: z.enum(['accepted', 'rejected']),
  meta: z.boolean(),
});
export type ModerationBody = z.infer<typeof ModerationBody>;

export const ModerationItem = z.object({
  id: z.uuid(),
  deliberationId: z.uuid(),
  deliberationTitle: z.string(),
  text: z.string(),
  moderation: z.enum(MODERATIONS),
  meta: z.boolean(),
  createdAt: z.string(),
});
export type ModerationItem = z.infer<typeof ModerationItem>;
export const ModerationQueue = z.object({ items: z.array(ModerationItem) });
export type ModerationQueue = z.infer<typeof ModerationQueue>;

/** A statement as the map shows it: the share of a group (or everyone) agreeing and disagreeing. */
export const MapStatement = z.object({
  id: z.uuid(),
  text: z.string(),
  agree: z.number(),
  disagree: z.number(),
});
export type MapStatement = z.infer<typeof MapStatement>;

export const OpinionMap = z.object({
  /** Participants placed on the two axes (x, y in −1..1) with their group (null: too few votes). */
  points: z.array(z.object({ x: z.number(), y: z.number(), group: z.number().int().nullable() })),
  groups: z.array(
    z.object({
      id: z.number().int(),
      size: z.number().int(),
      /** What sets the group apart: 'agree' or 'disagree' with each statement, and the group's shares. */
      representative: z.array(MapStatement.extend({ direction: z.enum(['agree', 'disagree']) })),
    }),
  ),
  consensus: z.array(MapStatement),
  divisive: z.array(MapStatement),
  participants: z.number().int(),
  votes: z.number().int(),
  /** The signed-in person's place (null when signed out or not placed yet). */
  me: z
    .object({ x: z.number(), y: z.number(), group: z.number().int().nullable(), voted: z.number().int() })
    .nullable(),
});
export type OpinionMap = z.infer<typeof OpinionMap>;
