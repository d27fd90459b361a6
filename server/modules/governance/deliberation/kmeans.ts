import { seededRandom } from './random.ts';

/** Weighted points in the plane, clustered by Lloyd's k-means from a seeded k-means++ start. */
export interface Clustering {
  /** Cluster of each point, 0..k−1 (empty clusters removed). */
  labels: Int32Array;
  cx: Float64Array;
  cy: Float64Array;
  /** Total weight in each cluster. */
  weight: Float64Array;
  /** Weighted sum of squared distances to the centres. */
  inertia: number;
}

/**
 * k-means++ seeding: the first centre drawn by weight, each next one with probability ∝ weight ×
 * squared distance to the nearest centre so far. Stops early when every point sits on a centre
 * (fewer distinct points than k).
 */
function seed(xs: Float64Array, ys: Float64Array, w: Float64Array, k: number, random: () => number) {
  const n = xs.length;
  const cx = new Float64Array(k);
  const cy = new Float64Array(k);
  const d2 = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const pick = (scores: Float64Array | null): number => {
    let total = 0;
    for (let i = 0; i < n; i++) total += w[i]! * (scores ? scores[i]! : 1);
    let r = random() * total;
    let last = -1;
    for (let i = 0; i < n; i++) {
      const s = w[i]! * (scores ? scores[i]! : 1);
      if (s <= 0) continue;
      last = i;
      r -= s;
      if (r < 0) return i;
    }
    return last;
  };
  let count = 0;
  let chosen = pick(null);
  while (chosen >= 0) {
    cx[count] = xs[chosen]!;
    cy[count] = ys[chosen]!;
    count++;
    if (count === k) break;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const dx = xs[i]! - cx[count - 1]!;
      const dy = ys[i]! - cy[count - 1]!;
      const d = dx * dx + dy * dy;
      if (d < d2[i]!) d2[i] = d;
      total += w[i]! * d2[i]!;
    }
    if (total <= 0) break;
    chosen = pick(d2);
  }
  return { cx: cx.slice(0, count), cy: cy.slice(0, count), k: count };
}

export function kmeans(
  xs: Float64Array,
  ys: Float64Array,
  k: number,
  options: { weights?: Float64Array; seed?: number; maxIterations?: number } = {},
): Clustering {
  const n = xs.length;
  const w = options.weights ?? new Float64Array(n).fill(1);
  if (n === 0 || k < 1)
    return {
      labels: new Int32Array(n),
      cx: new Float64Array(0),
      cy: new Float64Array(0),
      weight: new Float64Array(0),
      inertia: 0,
    };
  const start = seed(xs, ys, w, Math.min(k, n), seededRandom(options.seed ?? 1));
  const kk = start.k;
  const cx = start.cx;
  const cy = start.cy;
  // Lloyd's iterations with Hamerly's bounds: each point keeps an upper bound on the distance to
  // its centre and a lower bound on the distance to any other, and is rescanned only when they
  // cross (or its centre's nearest neighbour is close). Same fixed point as plain Lloyd, far fewer
  // distance computations once centres settle.
  const labels = new Int32Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const scan = (i: number) => {
    let best = 0;
    let bestD = Number.POSITIVE_INFINITY;
    let secondD = Number.POSITIVE_INFINITY;
    for (let c = 0; c < kk; c++) {
      const dx = xs[i]! - cx[c]!;
      const dy = ys[i]! - cy[c]!;
      const d = dx * dx + dy * dy;
      if (d < bestD) {
        secondD = bestD;
        bestD = d;
        best = c;
      } else if (d < secondD) secondD = d;
    }
    labels[i] = best;
    upper[i] = Math.sqrt(bestD);
    lower[i] = Math.sqrt(secondD);
    return best;
  };
  for (let i = 0; i < n; i++) scan(i);
  const sx = new Float64Array(kk);
  const sy = new Float64Array(kk);
  const sw = new Float64Array(kk);
  const moved = new Float64Array(kk);
  const half = new Float64Array(kk);
  const maxIterations = options.maxIterations ?? 300;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    sx.fill(0);
    sy.fill(0);
    sw.fill(0);
    for (let i = 0; i < n; i++) {
      const c = labels[i]!;
      sx[c]! += w[i]! * xs[i]!;
      sy[c]! += w[i]! * ys[i]!;
      sw[c]! += w[i]!;
    }
    // An emptied cluster keeps its centre; it is dropped below if it stays empty.
    let most = -1;
    for (let c = 0; c < kk; c++) {
      moved[c] = 0;
      if (sw[c]! > 0) {
        const nx = sx[c]! / sw[c]!;
        const ny = sy[c]! / sw[c]!;
        moved[c] = Math.hypot(nx - cx[c]!, ny - cy[c]!);
        cx[c] = nx;
        cy[c] = ny;
      }
      if (most < 0 || moved[c]! > moved[most]!) most = c;
    }
    let secondMost = 0;
    for (let c = 0; c < kk; c++) if (c !== most) secondMost = Math.max(secondMost, moved[c]!);
    for (let c = 0; c < kk; c++) {
      let nearest = Number.POSITIVE_INFINITY;
      for (let o = 0; o < kk; o++)
        if (o !== c) nearest = Math.min(nearest, Math.hypot(cx[c]! - cx[o]!, cy[c]! - cy[o]!));
      half[c] = nearest / 2;
    }
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const a = labels[i]!;
      upper[i]! += moved[a]!;
      lower[i]! -= a === most ? secondMost : moved[most]!;
      const bound = Math.max(half[a]!, lower[i]!);
      if (upper[i]! <= bound) continue;
      upper[i] = Math.hypot(xs[i]! - cx[a]!, ys[i]! - cy[a]!);
      if (upper[i]! <= bound) continue;
      if (scan(i) !== a) changed++;
    }
    if (changed === 0) break;
  }
  // Renumber without empty clusters; final centres are the members' weighted means.
  sw.fill(0);
  for (let i = 0; i < n; i++) sw[labels[i]!]! += w[i]!;
  const renumber = new Int32Array(kk).fill(-1);
  let m = 0;
  for (let c = 0; c < kk; c++) if (sw[c]! > 0) renumber[c] = m++;
  const out = { cx: new Float64Array(m), cy: new Float64Array(m), weight: new Float64Array(m) };
  for (let i = 0; i < n; i++) {
    const c = renumber[labels[i]!]!;
    labels[i] = c;
    out.cx[c]! += w[i]! * xs[i]!;
    out.cy[c]! += w[i]! * ys[i]!;
    out.weight[c]! += w[i]!;
  }
  for (let c = 0; c < m; c++) {
    out.cx[c]! /= out.weight[c]!;
    out.cy[c]! /= out.weight[c]!;
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - out.cx[labels[i]!]!;
    const dy = ys[i]! - out.cy[labels[i]!]!;
    inertia += w[i]! * (dx * dx + dy * dy);
  }
  return { labels, ...out, inertia };
}

/** The best (lowest inertia; the earliest on a tie) of `restarts` seeded runs. */
export function bestKmeans(
  xs: Float64Array,
  ys: Float64Array,
  k: number,
  options: { weights?: Float64Array; restarts?: number; maxIterations?: number } = {},
): Clustering {
  let best: Clustering | undefined;
  const restarts = options.restarts ?? 1;
  for (let r = 0; r < restarts; r++) {
    const run = kmeans(xs, ys, k, { ...options, seed: r + 1 });
    if (!best || run.inertia < best.inertia - 1e-9) best = run;
  }
  return best!;
}
