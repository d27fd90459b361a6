import { z } from 'zod';
import { text } from './text.ts';

// Participatory processes (참여 과정, issue 11): phases with dates, and per phase the parts that are on.

/** The phases in their order: agenda discovery → deliberation → selection → execution → evaluation. */
export const PHASE_KINDS = ['agenda', 'deliberation', 'selection', 'execution', 'evaluation'] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];
/** The parts staff switch on per phase. */
export const PHASE_PARTS = ['proposals', 'debates', 'deliberation', 'polls'] as const;
export type PhasePart = (typeof PHASE_PARTS)[number];
/** Where a process stands today: before its first phase, in one, or after its last. */
export const PROCESS_STATES = ['upcoming', 'active', 'ended'] as const;
export type ProcessState = (typeof PROCESS_STATES)[number];

const Day = z.iso.date();

export const ProcessIdParams = z.strictObject({ id: z.uuid() });

export const Phase = z.strictObject({
  kind: z.enum(PHASE_KINDS),
  startsOn: Day,
  endsOn: Day,
  proposals: z.boolean(),
  debates: z.boolean(),
  deliberation: z.boolean(),
  polls: z.boolean(),
});
export type Phase = z.infer<typeof Phase>;

/** What staff send to create or edit a process: phases in order, each kind at most once. */
export const ProcessBody = z.strictObject({
  title: text({ min: 1, max: 200 }),
  description: text({ max: 4000, multiline: true }),
  supportThreshold: z.number().int().min(1).max(100000),
  phases: z.array(Phase).min(1).max(PHASE_KINDS.length),
});
export type ProcessBody = z.infer<typeof ProcessBody>;

export const ProcessSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  sample: z.boolean(),
  state: z.enum(PROCESS_STATES),
  currentPhase: z.enum(PHASE_KINDS).nullable(),
  startsOn: Day,
  endsOn: Day,
  proposals: z.number().int(),
});
export type ProcessSummary = z.infer<typeof ProcessSummary>;
export const ProcessList = z.object({ items: z.array(ProcessSummary) });
export type ProcessList = z.infer<typeof ProcessList>;

export const Process = ProcessSummary.extend({
  supportThreshold: z.number().int(),
  phases: z.array(Phase),
  /** The parts on today (all false outside the phases). */
  open: z.object({
    proposals: z.boolean(),
    debates: z.boolean(),
    deliberation: z.boolean(),
    polls: z.boolean(),
  }),
});
export type Process = z.infer<typeof Process>;
