import type { VoteMatrix } from './matrix.ts';

/**
 * Two principal components of the vote matrix after mean imputation and centring: a missing vote
 * takes its statement's mean, so once centred it is 0 and the matrix stays sparse. The
 * covariance (statements × statements) is summed from each participant's own votes, and its two
 * leading eigenvectors found by power iteration with deflation.
 */
export interface Pca {
  /** Mean vote per statement among those who voted on it (0 for a statement nobody voted on). */
  center: Float64Array;
  /** Unit vectors over statements; each one's largest-magnitude entry is positive. */
  components: [Float64Array, Float64Array];
  eigenvalues: [number, number];
}

/** Mean vote per statement over the rows in `rows` (every row when absent). */
export function columnMeans(m: VoteMatrix, rows?: Uint8Array): Float64Array {
  const nC = m.commentIds.length;
  const sum = new Float64Array(nC);
  const count = new Float64Array(nC);
  for (let p = 0; p < m.participantIds.length; p++) {
    if (rows && !rows[p]) continue;
    for (let k = m.rowStart[p]!; k < m.rowStart[p + 1]!; k++) {
      sum[m.col[k]!]! += m.value[k]!;
      count[m.col[k]!]!++;
    }
  }
  for (let c = 0; c < nC; c++) sum[c] = count[c]! > 0 ? sum[c]! / count[c]! : 0;
  return sum;
}

/** Covariance of the centred, mean-imputed matrix over `rows` (row-major, nC × nC, ÷ their number). */
export function covariance(m: VoteMatrix, center: Float64Array, rows?: Uint8Array): Float64Array {
  const nC = m.commentIds.length;
  const nP = m.participantIds.length;
  let used = 0;
  const cov = new Float64Array(nC * nC);
  const x = new Float64Array(nC);
  const cols = new Int32Array(nC);
  for (let p = 0; p < nP; p++) {
    if (rows && !rows[p]) continue;
    used++;
    const start = m.rowStart[p]!;
    const t = m.rowStart[p + 1]! - start;
    for (let k = 0; k < t; k++) {
      const c = m.col[start + k]!;
      cols[k] = c;
      x[k] = m.value[start + k]! - center[c]!;
    }
    // Upper triangle only (columns ascending within a row); mirrored below.
    for (let a = 0; a < t; a++) {
      const xa = x[a]!;
      if (xa === 0) continue;
      const base = cols[a]! * nC;
      for (let b = a; b < t; b++) cov[base + cols[b]!]! += xa * x[b]!;
    }
  }
  const scale = used > 0 ? 1 / used : 0;
  for (let i = 0; i < nC; i++)
    for (let j = i; j < nC; j++) {
      const v = cov[i * nC + j]! * scale;
      cov[i * nC + j] = v;
      cov[j * nC + i] = v;
    }
  return cov;
}

function normalise(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  const norm = Math.sqrt(s);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return norm;
}

/** Flip v so that its largest-magnitude entry (the first such) is positive. */
export function fixSign(v: Float64Array): void {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (Math.abs(v[i]!) > Math.abs(v[best]!) + 1e-12) best = i;
  if (v[best]! < 0) for (let i = 0; i < v.length; i++) v[i] = -v[i]! || 0;
}

/**
 * Leading eigenvector of the symmetric matrix `a` (n × n) orthogonal to `against`, by power
 * iteration from a fixed start. Converges when the direction changes by less than `tolerance`.
 */
export function powerIteration(
  a: Float64Array,
  n: number,
  against: Float64Array[] = [],
  maxIterations = 1000,
  tolerance = 1e-12,
): { vector: Float64Array; value: number } {
  let v = new Float64Array(n);
  // A fixed, uneven start: unlikely to be orthogonal to any eigenvector of vote data.
  for (let i = 0; i < n; i++) v[i] = 1 + ((i * 7919) % 97) / 97;
  const orthogonalise = (w: Float64Array) => {
    for (const u of against) {
      let d = 0;
      for (let i = 0; i < n; i++) d += w[i]! * u[i]!;
      for (let i = 0; i < n; i++) w[i]! -= d * u[i]!;
    }
  };
  orthogonalise(v);
  if (normalise(v) === 0) return { vector: v, value: 0 };
  let w = new Float64Array(n);
  let value = 0;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      const row = i * n;
      for (let j = 0; j < n; j++) s += a[row + j]! * v[j]!;
      w[i] = s;
    }
    orthogonalise(w);
    value = normalise(w);
    if (value < 1e-12) {
      value = 0; // no variance left: keep the start direction (a unit vector)
      break;
    }
    let dot = 0;
    for (let i = 0; i < n; i++) dot += w[i]! * v[i]!;
    [v, w] = [w, v];
    if (1 - Math.abs(dot) < tolerance) break;
  }
  fixSign(v);
  return { vector: v, value };
}

/**
 * PCA of the rows in `rows` (every row when absent). The map passes the participants it clusters:
 * someone with a vote or two is mostly imputed means and would only add noise to the axes; they
 * are still placed on the map by `project`.
 */
export function pca(m: VoteMatrix, rows?: Uint8Array): Pca {
  const nC = m.commentIds.length;
  const center = columnMeans(m, rows);
  const cov = covariance(m, center, rows);
  const first = powerIteration(cov, nC);
  const second = powerIteration(cov, nC, [first.vector]);
  return { center, components: [first.vector, second.vector], eigenvalues: [first.value, second.value] };
}

/**
 * Each participant's place on the two axes: their centred votes projected on the components,
 * scaled by √(statements ÷ their votes) so that someone who voted on few statements is not pulled
 * to the middle by the imputed means.
 */
export function project(m: VoteMatrix, p: Pca): { x: Float64Array; y: Float64Array } {
  const nP = m.participantIds.length;
  const nC = m.commentIds.length;
  const [e1, e2] = p.components;
  const x = new Float64Array(nP);
  const y = new Float64Array(nP);
  for (let r = 0; r < nP; r++) {
    let sx = 0;
    let sy = 0;
    const start = m.rowStart[r]!;
    const end = m.rowStart[r + 1]!;
    for (let k = start; k < end; k++) {
      const c = m.col[k]!;
      const d = m.value[k]! - p.center[c]!;
      sx += d * e1[c]!;
      sy += d * e2[c]!;
    }
    const scale = end > start ? Math.sqrt(nC / (end - start)) : 0;
    x[r] = sx * scale;
    y[r] = sy * scale;
  }
  return { x, y };
}
