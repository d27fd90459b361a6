// Measures of agreement between two maps (ours and Pol.is's, or two recomputes).

/**
 * Adjusted Rand index of two labelings of the same items (−1 or null = unlabelled; such items are
 * left out). 1 for identical partitions up to renaming, about 0 for chance agreement.
 */
export function adjustedRandIndex(a: ArrayLike<number | null>, b: ArrayLike<number | null>): number {
  const pairs = new Map<string, number>();
  const rowsA = new Map<number, number>();
  const rowsB = new Map<number, number>();
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === null || y === null || x === undefined || y === undefined || x < 0 || y < 0) continue;
    n++;
    const key = `${x},${y}`;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
    rowsA.set(x, (rowsA.get(x) ?? 0) + 1);
    rowsB.set(y, (rowsB.get(y) ?? 0) + 1);
  }
  const choose2 = (k: number) => (k * (k - 1)) / 2;
  let index = 0;
  for (const v of pairs.values()) index += choose2(v);
  let sumA = 0;
  let sumB = 0;
  for (const v of rowsA.values()) sumA += choose2(v);
  for (const v of rowsB.values()) sumB += choose2(v);
  const total = choose2(n);
  if (total === 0) return 1;
  const expected = (sumA * sumB) / total;
  const max = (sumA + sumB) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}

/** Share of the first list's items that the second also holds (|a ∩ b| ÷ |a|; 1 when a is empty). */
export function overlap<T>(a: readonly T[], b: readonly T[]): number {
  if (a.length === 0) return 1;
  const other = new Set(b);
  return a.filter((x) => other.has(x)).length / a.length;
}
