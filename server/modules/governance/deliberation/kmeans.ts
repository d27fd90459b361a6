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

function nearest(px: number, py: number, cx: Float64Array, cy: Float64Array, k: number): number {
  let best = 0;
  let bestD = Number.POSITIVE_INFINITY;
  for (let c = 0; c < k; c++) {
    const dx = px - cx[c]!;
    const dy = py - cy[c]!;
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
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
  const labels = new Int32Array(n).fill(-1);
  const sx = new Float64Array(kk);
  const sy = new Float64Array(kk);
  const sw = new Float64Array(kk);
  const maxIterations = options.maxIterations ?? 300;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const c = nearest(xs[i]!, ys[i]!, cx, cy, kk);
      if (c !== labels[i]) {
        labels[i] = c;
        changed++;
      }
    }
    if (changed === 0) break;
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
    for (let c = 0; c < kk; c++)
      if (sw[c]! > 0) {
        cx[c] = sx[c]! / sw[c]!;
        cy[c] = sy[c]! / sw[c]!;
      }
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
