import type { GroupCounts } from './counts.ts';
import type { VoteMatrix } from './matrix.ts';
import type { Pca } from './pca.ts';

/**
 * How far a statement places a voter on the map: the length of its loadings on the two axes ×
 * √statements (where a participant who voted on that statement alone would land, per unit vote).
 */
export function extremity(p: Pca): Float64Array {
  const [e1, e2] = p.components;
  const scale = Math.sqrt(e1.length);
  const out = new Float64Array(e1.length);
  for (let c = 0; c < e1.length; c++) out[c] = Math.hypot(e1[c]!, e2[c]!) * scale;
  return out;
}

/**
 * Priority of showing each statement next, from everyone's votes (`all`: one group holding every
 * participant): importance = (1 − pass share) × (extremity + 1) × agree share (smoothed shares), then
 * a boost for statements with few votes so far, 1 + 8 × 2^(−votes ÷ 5), the product squared.
 */
export function statementPriority(all: GroupCounts, extremes: Float64Array): Float64Array {
  const nC = all.comments;
  const out = new Float64Array(nC);
  for (let c = 0; c < nC; c++) {
    const n = all.votes[c]!;
    const passes = n - all.agree[c]! - all.disagree[c]!;
    const pass = (passes + 1) / (n + 2);
    const agree = (all.agree[c]! + 1) / (n + 2);
    const importance = (1 - pass) * (extremes[c]! + 1) * agree;
    const boosted = importance * (1 + 8 * 2 ** (-n / 5));
    out[c] = boosted * boosted;
  }
  return out;
}

/**
 * The statement to show a participant next: the highest priority among those they have not voted
 * on (the first by statement order on a tie); null when they voted on every one.
 */
export function nextStatement(priority: Float64Array, voted: Iterable<number>): number | null {
  const done = new Uint8Array(priority.length);
  for (const c of voted) done[c] = 1;
  let best = -1;
  for (let c = 0; c < priority.length; c++)
    if (!done[c] && (best < 0 || priority[c]! > priority[best]!)) best = c;
  return best < 0 ? null : best;
}

/** The columns a participant (matrix row) has voted on. */
export function votedColumns(m: VoteMatrix, row: number): Int32Array {
  return m.col.subarray(m.rowStart[row]!, m.rowStart[row + 1]!);
}
