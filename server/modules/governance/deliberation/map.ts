import { consensusStatements, divisiveStatements, groupInformedConsensus } from './consensus.ts';
import { groupCounts } from './counts.ts';
import { bestKmeans, type Clustering } from './kmeans.ts';
import { buildMatrix, type MatrixOptions, type VoteColumns, type VoteMatrix, voteCounts } from './matrix.ts';
import { type Pca, pca, project } from './pca.ts';
import { extremity, statementPriority } from './priority.ts';
import { type Representative, representativeStatements } from './repness.ts';
import { silhouette } from './silhouette.ts';

export const MAX_BASE_CLUSTERS = 100;
export const MIN_GROUPS = 2;
export const MAX_GROUPS = 5;
/** Participants clustered when available, lowering the vote threshold to reach them. */
export const MIN_CLUSTERED = 15;
export const MIN_VOTES = 7;
const GROUP_RESTARTS = 10;

export interface OpinionGroup {
  id: number;
  /** Matrix rows of the members, ascending. */
  members: number[];
  center: [number, number];
  representative: Representative[];
}

/** The opinion map of one vote set; indices are rows / columns of `matrix` (ids in its id lists). */
export interface DeliberationMap {
  matrix: VoteMatrix;
  pca: Pca;
  /** Place of each participant on the two axes. */
  x: Float64Array;
  y: Float64Array;
  /** Participants clustered (enough votes). */
  clustered: Uint8Array;
  voteThreshold: number;
  /** Base cluster of each participant, −1 when not clustered. */
  baseCluster: Int32Array;
  base: Clustering;
  /** Opinion group of each participant, −1 when not clustered. */
  group: Int32Array;
  groups: OpinionGroup[];
  /** Silhouette of each k tried (index k − 2) and of the chosen one. */
  silhouettes: number[];
  silhouette: number;
  groupInformedConsensus: Float64Array;
  consensus: number[];
  divisive: { comment: number; spread: number }[];
  priority: Float64Array;
}

/** Vote threshold for clustering: min(7, statements), lowered until 15 participants reach it when that many voted. */
export function clusteringThreshold(counts: Int32Array, statements: number): number {
  const base = Math.max(1, Math.min(MIN_VOTES, statements));
  let reaching = 0;
  for (const n of counts) if (n >= base) reaching++;
  if (reaching >= MIN_CLUSTERED || reaching === counts.length) return base;
  const sorted = Int32Array.from(counts).sort().reverse();
  return Math.max(1, Math.min(base, sorted[Math.min(MIN_CLUSTERED, sorted.length) - 1]!));
}

/** Groups ordered by size (largest first), then by centre x and y, so ids are stable. */
function orderGroups(groups: Clustering): Int32Array {
  const k = groups.cx.length;
  const order = Array.from({ length: k }, (_, i) => i).sort(
    (a, b) =>
      groups.weight[b]! - groups.weight[a]! || groups.cx[a]! - groups.cx[b]! || groups.cy[a]! - groups.cy[b]!,
  );
  const rank = new Int32Array(k);
  order.forEach((g, r) => {
    rank[g] = r;
  });
  return rank;
}

export function computeMapFromMatrix(matrix: VoteMatrix): DeliberationMap {
  const nP = matrix.participantIds.length;
  const nC = matrix.commentIds.length;
  const counts = voteCounts(matrix);
  const voteThreshold = clusteringThreshold(counts, nC);
  const clustered = new Uint8Array(nP);
  const rows: number[] = [];
  for (let p = 0; p < nP; p++)
    if (counts[p]! >= voteThreshold) {
      clustered[p] = 1;
      rows.push(p);
    }
  const components = pca(matrix, clustered);
  const { x, y } = project(matrix, components);

  const xs = Float64Array.from(rows, (p) => x[p]!);
  const ys = Float64Array.from(rows, (p) => y[p]!);
  const base = bestKmeans(xs, ys, Math.min(MAX_BASE_CLUSTERS, rows.length), { maxIterations: 100 });
  const baseCluster = new Int32Array(nP).fill(-1);
  rows.forEach((p, i) => {
    baseCluster[p] = base.labels[i]!;
  });

  const silhouettes: number[] = [];
  let chosen: Clustering | undefined;
  let chosenScore = Number.NEGATIVE_INFINITY;
  const nBase = base.cx.length;
  for (let k = MIN_GROUPS; k <= Math.min(MAX_GROUPS, nBase); k++) {
    const run = bestKmeans(base.cx, base.cy, k, { weights: base.weight, restarts: GROUP_RESTARTS });
    if (run.cx.length < k) break;
    const score = silhouette(base.cx, base.cy, run.labels, base.weight);
    silhouettes.push(score);
    if (score > chosenScore + 1e-12) {
      chosen = run;
      chosenScore = score;
    }
  }

  const group = new Int32Array(nP).fill(-1);
  const groups: OpinionGroup[] = [];
  if (chosen) {
    const rank = orderGroups(chosen);
    for (let g = 0; g < chosen.cx.length; g++) {
      const r = rank[g]!;
      groups[r] = { id: r, members: [], center: [chosen.cx[g]!, chosen.cy[g]!], representative: [] };
    }
    for (const p of rows) {
      const g = rank[chosen.labels[baseCluster[p]!]!]!;
      group[p] = g;
      groups[g]!.members.push(p);
    }
  }
  const byGroup = groupCounts(matrix, group, groups.length);
  for (const g of groups) g.representative = representativeStatements(byGroup, g.id);
  const everyone = groupCounts(matrix, new Int32Array(nP), 1);
  // Without groups (too few participants) everyone counts as one group.
  const gic = groupInformedConsensus(groups.length > 0 ? byGroup : everyone);
  return {
    matrix,
    pca: components,
    x,
    y,
    clustered,
    voteThreshold,
    baseCluster,
    base,
    group,
    groups,
    silhouettes,
    silhouette: chosen ? chosenScore : 0,
    groupInformedConsensus: gic,
    consensus: groups.length > 0 ? consensusStatements(byGroup, gic) : [],
    divisive: divisiveStatements(byGroup),
    priority: statementPriority(everyone, extremity(components)),
  };
}

/** The whole recompute: latest votes → matrix → PCA → clusters → groups → statements. Deterministic. */
export function computeMap(votes: VoteColumns, options: MatrixOptions = {}): DeliberationMap {
  return computeMapFromMatrix(buildMatrix(votes, options));
}
