import {
  PHASE_KINDS,
  type Phase,
  type PhaseKind,
  type ProcessState,
} from '../../../../contracts/governance-processes.ts';

// Pure rules about a process's phases: their order and which one holds a given day.

/** Phases in the fixed order, each at most once, dates not overlapping and each ending on or after its start. */
export function phasesInOrder(phases: readonly Phase[]): boolean {
  let lastIndex = -1;
  let lastEnd = '';
  for (const p of phases) {
    const index = PHASE_KINDS.indexOf(p.kind);
    if (index <= lastIndex || p.endsOn < p.startsOn || (lastEnd && p.startsOn <= lastEnd)) return false;
    lastIndex = index;
    lastEnd = p.endsOn;
  }
  return true;
}

/** Where the process stands on `today` (YYYY-MM-DD, Seoul) and the phase holding that day. */
export function phaseOn(
  phases: readonly Phase[],
  today: string,
): { state: ProcessState; current: Phase | null } {
  const sorted = [...phases].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  if (sorted.length === 0 || today < sorted[0].startsOn) return { state: 'upcoming', current: null };
  if (today > sorted[sorted.length - 1].endsOn) return { state: 'ended', current: null };
  // Between two phases (a gap of days) nothing is open, but the process is still under way.
  return { state: 'active', current: sorted.find((p) => p.startsOn <= today && today <= p.endsOn) ?? null };
}

export const kindOf = (p: Phase | null): PhaseKind | null => p?.kind ?? null;
