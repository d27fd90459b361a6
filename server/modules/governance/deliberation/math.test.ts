import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, overlap } from './agreement.ts';
import { consensusStatements, divisiveStatements, groupInformedConsensus } from './consensus.ts';
import type { GroupCounts } from './counts.ts';
import { compareIds } from './ids.ts';
import { bestKmeans, kmeans } from './kmeans.ts';
import { clusteringThreshold } from './map.ts';
import { buildMatrix, columnsOf, type VoteEvent, type VoteValue } from './matrix.ts';
import { pca, project } from './pca.ts';
import { nextStatement, statementPriority } from './priority.ts';
import { proportionZ, representativeStatements, twoProportionZ, Z90 } from './repness.ts';
import { silhouette } from './silhouette.ts';

// Hand-checked small cases for each step of the deliberation map.

const votes = (rows: (VoteValue | null)[][]): VoteEvent[] =>
  rows.flatMap((row, p) =>
    row.flatMap((vote, c) =>
      vote === null ? [] : [{ participant: String(p), comment: String(c), vote, time: 1 }],
    ),
  );

/** Counts for hand-made groups: `cells[g][c] = [agree, disagree, votes]`. */
function counts(cells: [number, number, number][][]): GroupCounts {
  const groups = cells.length;
  const comments = cells[0]!.length;
  const out: GroupCounts = {
    groups,
    comments,
    agree: new Int32Array(groups * comments),
    disagree: new Int32Array(groups * comments),
    votes: new Int32Array(groups * comments),
  };
  cells.forEach((row, g) => {
    row.forEach(([a, d, n], c) => {
      out.agree[g * comments + c] = a;
      out.disagree[g * comments + c] = d;
      out.votes[g * comments + c] = n;
    });
  });
  return out;
}

describe('vote matrix', () => {
  it('keeps the latest vote per pair, whatever the order, and leaves moderated-out statements out', () => {
    const events: VoteEvent[] = [
      { participant: 'b', comment: '10', vote: 1, time: 5 },
      { participant: 'a', comment: '2', vote: 1, time: 1 },
      { participant: 'a', comment: '2', vote: -1, time: 3 },
      { participant: 'a', comment: '10', vote: 0, time: 2 },
      { participant: 'a', comment: '7', vote: 1, time: 2 },
      { participant: 'c', comment: '7', vote: 1, time: 2 },
    ];
    for (const list of [events, [...events].reverse()]) {
      const m = buildMatrix(columnsOf(list), { excludedComments: new Set(['7']), extraCommentIds: ['3'] });
      expect(m.commentIds).toEqual(['2', '3', '10']); // numeric order; 3 has no vote yet
      expect(m.participantIds).toEqual(['a', 'b']); // c voted only on a moderated-out statement
      expect(Array.from(m.rowStart)).toEqual([0, 2, 3]);
      expect(Array.from(m.col)).toEqual([0, 2, 2]);
      expect(Array.from(m.value)).toEqual([-1, 0, 1]); // a's later disagree replaces the agree
    }
  });

  it('orders integer ids by value before other ids', () => {
    expect(['10', 'x', '9', '0', 'a'].sort(compareIds)).toEqual(['0', '9', '10', 'a', 'x']);
  });
});

describe('PCA', () => {
  // Centred votes (means 0): covariance [[1, ½], [½, ½]], eigenvalues (3 ± √5) ÷ 4.
  const rows: VoteValue[][] = [
    [1, 1],
    [-1, -1],
    [1, 0],
    [-1, 0],
  ];
  const e1 = [0.85065080835204, 0.5257311121191336];
  const e2 = [-0.5257311121191336, 0.85065080835204];
  const alignment = (v: Float64Array, u: number[]) => Math.abs(v[0]! * u[0]! + v[1]! * u[1]!);

  it('finds the two components of a hand-computed covariance, up to sign', () => {
    const p = pca(buildMatrix(columnsOf(votes(rows))));
    expect(Array.from(p.center)).toEqual([0, 0]);
    expect(p.eigenvalues[0]).toBeCloseTo((3 + Math.sqrt(5)) / 4, 9);
    expect(p.eigenvalues[1]).toBeCloseTo((3 - Math.sqrt(5)) / 4, 9);
    expect(alignment(p.components[0], e1)).toBeCloseTo(1, 9);
    expect(alignment(p.components[1], e2)).toBeCloseTo(1, 9);
  });

  it('gives the same axes when every vote is flipped, each with its largest entry positive', () => {
    const a = pca(buildMatrix(columnsOf(votes(rows))));
    const flipped = pca(buildMatrix(columnsOf(votes(rows.map((r) => r.map((v) => -v as VoteValue))))));
    for (const k of [0, 1] as const) {
      expect(alignment(flipped.components[k], Array.from(a.components[k]))).toBeCloseTo(1, 9);
      const v = a.components[k];
      const largest = Math.abs(v[0]!) >= Math.abs(v[1]!) ? v[0]! : v[1]!;
      expect(largest).toBeGreaterThan(0);
    }
  });

  it('scales a sparse voter by √(statements ÷ votes)', () => {
    const m = buildMatrix(columnsOf(votes([[1, null]])), { extraCommentIds: ['1'] });
    const axes = {
      center: new Float64Array([0, 0]),
      components: [new Float64Array([1, 0]), new Float64Array([0, 1])] as [Float64Array, Float64Array],
      eigenvalues: [1, 1] as [number, number],
    };
    const { x, y } = project(m, axes);
    expect(x[0]).toBeCloseTo(Math.SQRT2, 12); // one vote of two statements
    expect(y[0]).toBe(0);
  });
});

describe('k-means and silhouette', () => {
  it('splits two clear clumps with the expected centres and inertia', () => {
    const xs = new Float64Array([0, 0, 10, 10]);
    const ys = new Float64Array([0, 1, 10, 11]);
    const run = bestKmeans(xs, ys, 2, { restarts: 3 });
    expect(run.labels[0]).toBe(run.labels[1]);
    expect(run.labels[2]).toBe(run.labels[3]);
    expect(run.labels[0]).not.toBe(run.labels[2]);
    const a = run.labels[0]!;
    expect([run.cx[a], run.cy[a]]).toEqual([0, 0.5]);
    expect(run.inertia).toBeCloseTo(1, 12);
  });

  it('weights pull a centre and fewer distinct points than k give fewer clusters', () => {
    const one = kmeans(new Float64Array([0, 4]), new Float64Array([0, 0]), 1, {
      weights: new Float64Array([3, 1]),
    });
    expect(one.cx[0]).toBe(1);
    const same = kmeans(new Float64Array([2, 2, 2]), new Float64Array([5, 5, 5]), 3);
    expect(same.cx.length).toBe(1);
  });

  it('computes the silhouette by hand, weighted points counting as that many people', () => {
    const xs = new Float64Array([0, 1, 5]);
    const ys = new Float64Array(3);
    const labels = new Int32Array([0, 0, 1]);
    expect(silhouette(xs, ys, labels)).toBeCloseTo((0.8 + 0.75 + 0) / 3, 12);
    expect(silhouette(xs, ys, labels, new Float64Array([2, 1, 1]))).toBeCloseTo(0.6375, 12);
    expect(silhouette(xs, ys, new Int32Array(3))).toBe(0);
  });
});

describe('representativeness, consensus and priority', () => {
  // Statement 0 divides (group 0: 9 of 10 agree; group 1: 9 of 10 disagree); 1 is split evenly in
  // both; 2 is agreed by most of both.
  const c = counts([
    [
      [9, 1, 10],
      [5, 5, 10],
      [8, 1, 10],
    ],
    [
      [1, 9, 10],
      [5, 5, 10],
      [4, 1, 6],
    ],
  ]);

  it('z-tests with +1/+2 pseudocounts', () => {
    expect(proportionZ(9, 10)).toBeCloseTo((10 / 12 - 0.5) * 2 * Math.sqrt(12), 12);
    expect(twoProportionZ(9, 10, 1, 10)).toBeCloseTo((10 / 12 - 2 / 12) / Math.sqrt(0.25 * (2 / 12)), 12);
    expect(Z90).toBeCloseTo(1.2816, 4);
  });

  it('picks statement 0 for each group, in its own direction', () => {
    const [g0] = representativeStatements(c, 0);
    const [g1] = representativeStatements(c, 1);
    expect(g0).toMatchObject({ comment: 0, direction: 'agree', significant: true });
    expect(g0!.share).toBeCloseTo(10 / 12, 12);
    expect(g0!.ratio).toBeCloseTo(5, 12);
    expect(g1).toMatchObject({ comment: 0, direction: 'disagree', significant: true });
    expect(representativeStatements(c, 0).map((r) => r.comment)).not.toContain(1);
  });

  it('group-informed consensus is the product of smoothed agree shares', () => {
    const gic = groupInformedConsensus(c);
    expect(gic[0]).toBeCloseTo((10 / 12) * (2 / 12), 12);
    expect(gic[1]).toBeCloseTo(0.25, 12);
    expect(gic[2]).toBeCloseTo((9 / 12) * (5 / 8), 12);
    expect(consensusStatements(c, gic)).toEqual([2]);
    expect(divisiveStatements(c)).toEqual([{ comment: 0, spread: expect.closeTo(10 / 12 - 2 / 12, 12) }]);
  });

  it('shows first what few have voted on, never what the participant already voted on', () => {
    const all = counts([
      [
        [0, 0, 0],
        [30, 10, 50],
        [30, 10, 50],
      ],
    ]);
    const priority = statementPriority(all, new Float64Array([0, 0, 1]));
    expect(priority[0]).toBeCloseTo((0.25 * 9) ** 2, 12);
    expect(priority[2]).toBeGreaterThan(priority[1]!); // more extreme
    expect(nextStatement(priority, [])).toBe(0);
    expect(nextStatement(priority, [0])).toBe(2);
    expect(nextStatement(priority, [0, 1, 2])).toBeNull();
    expect(nextStatement(new Float64Array([1, 1]), [])).toBe(0); // a tie: statement order
  });
});

describe('clustering threshold and agreement measures', () => {
  it('clusters those with min(7, statements) votes, lowered to reach 15 when that many voted', () => {
    expect(clusteringThreshold(new Int32Array(20).fill(7), 50)).toBe(7);
    // Fewer than 15 took part: everyone is clustered.
    expect(clusteringThreshold(new Int32Array([1, 2, 3]), 5)).toBe(1);
    // Five reach 7 and fifteen more voted 3 times: the 15th most active has 3.
    expect(
      clusteringThreshold(
        Int32Array.from({ length: 20 }, (_, i) => (i < 5 ? 9 : 3)),
        50,
      ),
    ).toBe(3);
    expect(
      clusteringThreshold(
        Int32Array.from({ length: 20 }, (_, i) => (i < 14 ? 9 : 2)),
        50,
      ),
    ).toBe(2);
  });

  it('adjusted Rand index and overlap by hand', () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(4 / 7, 12);
    expect(adjustedRandIndex([0, 0, 1, 1, null], [0, 0, 1, 2, 0])).toBeCloseTo(4 / 7, 12);
    expect(overlap([1, 2, 3, 4], [4, 3, 9])).toBe(0.5);
  });
});
