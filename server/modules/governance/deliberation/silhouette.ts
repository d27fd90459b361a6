/**
 * Mean silhouette of a clustering of weighted points (a point of weight w stands for w people at
 * the same place, as a base cluster does). For point i in cluster A: a = weighted mean distance
 * to the others in A (its own other members at distance 0), b = the smallest weighted mean
 * distance to another cluster, s = (b − a) / max(a, b); s = 0 alone in its cluster. The result is
 * the weight-averaged s, in [−1, 1]; 0 with fewer than two clusters.
 */
export function silhouette(
  xs: Float64Array,
  ys: Float64Array,
  labels: Int32Array,
  weights?: Float64Array,
): number {
  const n = xs.length;
  let k = 0;
  for (let i = 0; i < n; i++) k = Math.max(k, labels[i]! + 1);
  if (k < 2) return 0;
  const w = weights ?? new Float64Array(n).fill(1);
  const clusterWeight = new Float64Array(k);
  for (let i = 0; i < n; i++) clusterWeight[labels[i]!]! += w[i]!;
  const sums = new Float64Array(k);
  let total = 0;
  let totalWeight = 0;
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      sums[labels[j]!]! += w[j]! * Math.hypot(xs[i]! - xs[j]!, ys[i]! - ys[j]!);
    }
    const own = labels[i]!;
    const others = clusterWeight[own]! - 1; // the other people in i's cluster
    let s = 0;
    if (others > 0) {
      const a = sums[own]! / others;
      let b = Number.POSITIVE_INFINITY;
      for (let c = 0; c < k; c++)
        if (c !== own && clusterWeight[c]! > 0) b = Math.min(b, sums[c]! / clusterWeight[c]!);
      const m = Math.max(a, b);
      s = m > 0 ? (b - a) / m : 0;
    }
    total += w[i]! * s;
    totalWeight += w[i]!;
  }
  return totalWeight > 0 ? total / totalWeight : 0;
}
