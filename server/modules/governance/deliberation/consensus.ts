import type { GroupCounts } from './counts.ts';
import { smoothed } from './repness.ts';

/**
 * Group-informed consensus of each statement: the product over groups of the group's smoothed
 * agree share (agrees + 1) ÷ (votes + 2). High only when every group agrees, however large.
 */
export function groupInformedConsensus(counts: GroupCounts): Float64Array {
  const { comments: nC, groups } = counts;
  const out = new Float64Array(nC).fill(1);
  for (let g = 0; g < groups; g++)
    for (let c = 0; c < nC; c++) out[c]! *= smoothed(counts.agree[g * nC + c]!, counts.votes[g * nC + c]!);
  return out;
}

/**
 * Consensus statements: a majority of every group agrees (each group's smoothed agree share above
 * one half), ordered by group-informed consensus (ties by statement order), best `limit`.
 */
export function consensusStatements(counts: GroupCounts, gic: Float64Array, limit = 5): number[] {
  const { comments: nC, groups } = counts;
  const found: number[] = [];
  for (let c = 0; c < nC; c++) {
    let every = groups > 0;
    for (let g = 0; g < groups && every; g++)
      every = smoothed(counts.agree[g * nC + c]!, counts.votes[g * nC + c]!) > 0.5;
    if (every) found.push(c);
  }
  return found.sort((a, b) => gic[b]! - gic[a]! || a - b).slice(0, limit);
}

/**
 * Divisive statements: some group's majority agrees and another's disagrees (smoothed shares
 * above one half), ordered by the spread of the groups' agree shares (largest first).
 */
export function divisiveStatements(counts: GroupCounts, limit = 5): { comment: number; spread: number }[] {
  const { comments: nC, groups } = counts;
  const found: { comment: number; spread: number }[] = [];
  for (let c = 0; c < nC; c++) {
    let agreeing = false;
    let disagreeing = false;
    let low = 1;
    let high = 0;
    for (let g = 0; g < groups; g++) {
      const i = g * nC + c;
      const a = smoothed(counts.agree[i]!, counts.votes[i]!);
      const d = smoothed(counts.disagree[i]!, counts.votes[i]!);
      if (a > 0.5) agreeing = true;
      if (d > 0.5) disagreeing = true;
      low = Math.min(low, a);
      high = Math.max(high, a);
    }
    if (agreeing && disagreeing) found.push({ comment: c, spread: high - low });
  }
  return found.sort((a, b) => b.spread - a.spread || a.comment - b.comment).slice(0, limit);
}
