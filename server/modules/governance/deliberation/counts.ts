import type { VoteMatrix } from './matrix.ts';

/** Agree, disagree and all votes (pass included) per group and statement, at [group × nC + statement]. */
export interface GroupCounts {
  groups: number;
  comments: number;
  agree: Int32Array;
  disagree: Int32Array;
  votes: Int32Array;
}

/** Counts the votes of participants with a group (`group[p]` ≥ 0; −1 for none). */
export function groupCounts(m: VoteMatrix, group: Int32Array, groups: number): GroupCounts {
  const nC = m.commentIds.length;
  const agree = new Int32Array(groups * nC);
  const disagree = new Int32Array(groups * nC);
  const votes = new Int32Array(groups * nC);
  for (let p = 0; p < m.participantIds.length; p++) {
    const g = group[p]!;
    if (g < 0) continue;
    const base = g * nC;
    for (let k = m.rowStart[p]!; k < m.rowStart[p + 1]!; k++) {
      const i = base + m.col[k]!;
      votes[i]!++;
      if (m.value[k] === 1) agree[i]!++;
      else if (m.value[k] === -1) disagree[i]!++;
    }
  }
  return { groups, comments: nC, agree, disagree, votes };
}
