import { z } from 'zod';
import { CursorParam } from './paging.ts';
import { text } from './text.ts';

// Polls and selection votes (투표·선정 투표, issue 11): single choice, multiple choice or "pick up
// to N"; who may vote (residents, verified accounts, an age range); one ballot per person, kept by
// the database; results live or hidden until the close, as staff choose, with turnout.

/** single: exactly one option; multiple: one or more; pick_up_to: one to maxChoices. */
export const POLL_KINDS = ['single', 'multiple', 'pick_up_to'] as const;
export const PollKind = z.enum(POLL_KINDS);
export type PollKind = z.infer<typeof PollKind>;

/** live: anyone sees the counts while voting runs; after_close: only staff until the poll closes. */
export const RESULTS_VISIBILITIES = ['live', 'after_close'] as const;
export const ResultsVisibility = z.enum(RESULTS_VISIBILITIES);
export type ResultsVisibility = z.infer<typeof ResultsVisibility>;

/** account: a signed-in person's ballot; sample: a generated demo ballot naming nobody. */
export const BALLOT_KINDS = ['account', 'sample'] as const;

export const POLL_STATES = ['upcoming', 'open', 'closed'] as const;
export type PollState = (typeof POLL_STATES)[number];

export const POLL_OPTIONS_MAX = 30;

const Instant = z.iso.datetime({ offset: true });

export const PollIdParams = z.strictObject({ id: z.uuid() });

export const PollOptionBody = z.strictObject({
  label: text({ min: 1, max: 200 }),
  description: text({ max: 1000, multiline: true }).default(''),
});

export const PollBody = z
  .strictObject({
    title: text({ min: 1, max: 200 }),
    description: text({ max: 4000, multiline: true }).default(''),
    kind: PollKind,
    /** pick_up_to only: how many options a ballot may hold at most. */
    maxChoices: z.number().int().min(1).max(POLL_OPTIONS_MAX).nullable().default(null),
    options: z.array(PollOptionBody).min(2).max(POLL_OPTIONS_MAX),
    opensAt: Instant,
    closesAt: Instant,
    residentsOnly: z.boolean().default(true),
    verifiedOnly: z.boolean().default(true),
    minAge: z.number().int().min(1).max(120).nullable().default(null),
    maxAge: z.number().int().min(1).max(120).nullable().default(null),
    resultsVisibility: ResultsVisibility.default('after_close'),
  })
  .refine((p) => Date.parse(p.closesAt) > Date.parse(p.opensAt), {
    path: ['closesAt'],
    params: { messageKey: 'field.poll_window_order' },
  })
  .refine((p) => p.minAge === null || p.maxAge === null || p.minAge <= p.maxAge, {
    path: ['maxAge'],
    params: { messageKey: 'field.poll_age_order' },
  })
  .refine(
    (p) =>
      p.kind === 'pick_up_to'
        ? p.maxChoices !== null && p.maxChoices <= p.options.length
        : p.maxChoices === null,
    { path: ['maxChoices'], params: { messageKey: 'field.poll_max_choices' } },
  );
export type PollBody = z.input<typeof PollBody>;

export const BallotBody = z.strictObject({
  optionIds: z.array(z.uuid()).min(1).max(POLL_OPTIONS_MAX),
  /** Asked only by polls with an age range; checked and never stored. */
  birthDate: z.iso.date().optional(),
});
export type BallotBody = z.infer<typeof BallotBody>;

export const PollListQuery = z.strictObject({
  state: z.enum(['open', 'closed']).default('open'),
  cursor: CursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const PollOption = z.object({ id: z.uuid(), label: z.string(), description: z.string() });

export const RuleCheck = z.object({
  rule: z.string(),
  result: z.enum(['pass', 'fail', 'unknown']),
  explanation: z.object({ ko: z.string(), en: z.string() }),
});

export const PollSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: PollKind,
  maxChoices: z.number().int().nullable(),
  state: z.enum(POLL_STATES),
  opensAt: z.string(),
  closesAt: z.string(),
  sample: z.boolean(),
  voters: z.number().int(),
});
export type PollSummary = z.infer<typeof PollSummary>;
export const PollList = z.object({ items: z.array(PollSummary), nextCursor: z.string().nullable() });
export type PollList = z.infer<typeof PollList>;

export const Poll = PollSummary.extend({
  description: z.string(),
  options: z.array(PollOption),
  residentsOnly: z.boolean(),
  verifiedOnly: z.boolean(),
  minAge: z.number().int().nullable(),
  maxAge: z.number().int().nullable(),
  resultsVisibility: ResultsVisibility,
  /** Whether the caller may read the results now. */
  resultsAvailable: z.boolean(),
  /** The signed-in caller's own ballot (option ids) or null; null for visitors too. */
  myChoices: z.array(z.uuid()).nullable(),
  /** The caller's standing against each rule (unknown for visitors and for an age not yet given). */
  eligibility: z.array(RuleCheck),
});
export type Poll = z.infer<typeof Poll>;

export const Ballot = z.object({ optionIds: z.array(z.uuid()), castAt: z.string() });
export type Ballot = z.infer<typeof Ballot>;

export const PollResults = z.object({
  pollId: z.uuid(),
  final: z.boolean(),
  voters: z.number().int(),
  /** People who may vote, where the platform knows them (null with an age range or sample ballots). */
  eligible: z.number().int().nullable(),
  /** voters ÷ eligible as a percentage with one decimal, or null when eligible is unknown. */
  turnoutPercent: z.number().nullable(),
  options: z.array(
    z.object({
      id: z.uuid(),
      label: z.string(),
      votes: z.number().int(),
      /** Share of voters who chose it, percent with one decimal. */
      percent: z.number(),
    }),
  ),
});
export type PollResults = z.infer<typeof PollResults>;

export const StaffPoll = Poll.omit({ myChoices: true, eligibility: true }).extend({
  closedEarly: z.boolean(),
});
export type StaffPoll = z.infer<typeof StaffPoll>;
export const StaffPollList = z.object({ items: z.array(StaffPoll) });
export type StaffPollList = z.infer<typeof StaffPollList>;
