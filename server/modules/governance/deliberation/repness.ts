import type { GroupCounts } from './counts.ts';

/** One-sided z for 90% confidence. */
export const Z90 = 1.2815515655446004;

/** Share with pseudocounts: (successes + 1) ÷ (trials + 2). */
export function smoothed(successes: number, trials: number): number {
  return (successes + 1) / (trials + 2);
}

/** z of the smoothed share against one half (is the share a majority?). */
export function proportionZ(successes: number, trials: number): number {
  return (smoothed(successes, trials) - 0.5) * 2 * Math.sqrt(trials + 2);
}

/** z of two smoothed shares' difference, pooled (is the first larger than the second?). */
export function twoProportionZ(s1: number, n1: number, s2: number, n2: number): number {
  const p1 = smoothed(s1, n1);
  const p2 = smoothed(s2, n2);
  const pooled = (s1 + s2 + 2) / (n1 + n2 + 4);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / (n1 + 2) + 1 / (n2 + 2)));
  return se > 0 ? (p1 - p2) / se : 0;
}

export interface Representative {
  comment: number;
  direction: 'agree' | 'disagree';
  /** The group's smoothed share in that direction. */
  share: number;
  /** That share ÷ the same share among everyone outside the group. */
  ratio: number;
  shareZ: number;
  ratioZ: number;
  /** ratio × ratioZ × share × shareZ: the order within a group. */
  metric: number;
  /** Both tests passed at 90%; false only for the fallback when none did. */
  significant: boolean;
}

function measure(
  c: number,
  direction: 'agree' | 'disagree',
  s: number,
  n: number,
  sRest: number,
  nRest: number,
): Representative {
  const share = smoothed(s, n);
  const ratio = share / smoothed(sRest, nRest);
  const shareZ = proportionZ(s, n);
  const ratioZ = twoProportionZ(s, n, sRest, nRest);
  return {
    comment: c,
    direction,
    share,
    ratio,
    shareZ,
    ratioZ,
    metric: ratio * ratioZ * share * shareZ,
    significant: shareZ > Z90 && ratioZ > Z90,
  };
}

/**
 * A group's representative statements: those where the group agrees (or disagrees) more than the
 * others do, both tests significant at 90% (share above one half; share above the rest's), the
 * stronger direction per statement, best `limit` by metric. When none is significant, the best
 * agreed one the group voted on stands alone, marked not significant.
 */
export function representativeStatements(counts: GroupCounts, g: number, limit = 5): Representative[] {
  const { comments: nC, groups } = counts;
  const found: Representative[] = [];
  let fallback: Representative | undefined;
  for (let c = 0; c < nC; c++) {
    const i = g * nC + c;
    const n = counts.votes[i]!;
    if (n === 0) continue;
    let aRest = 0;
    let dRest = 0;
    let nRest = 0;
    for (let h = 0; h < groups; h++) {
      if (h === g) continue;
      aRest += counts.agree[h * nC + c]!;
      dRest += counts.disagree[h * nC + c]!;
      nRest += counts.votes[h * nC + c]!;
    }
    const agree = measure(c, 'agree', counts.agree[i]!, n, aRest, nRest);
    const disagree = measure(c, 'disagree', counts.disagree[i]!, n, dRest, nRest);
    const best = [agree, disagree].filter((r) => r.significant).sort((a, b) => b.metric - a.metric)[0];
    if (best) found.push(best);
    if (!fallback || agree.metric > fallback.metric) fallback = agree;
  }
  found.sort((a, b) => b.metric - a.metric || a.comment - b.comment);
  if (found.length === 0 && fallback) return [{ ...fallback, significant: false }];
  return found.slice(0, limit);
}
