import { describe, expect, it } from 'vitest';
import { idValue } from './ids.ts';
import { computeMap } from './map.ts';
import { columnsOf, type VoteEvent, type VoteValue } from './matrix.ts';
import { nextStatement } from './priority.ts';
import { seededRandom } from './random.ts';

// A made-up conversation with two clear camps: 30 people agree with statements 0–3 and disagree
// with 4–7, 20 the opposite, and nearly everyone agrees with statement 8.
function camps(): VoteEvent[] {
  const random = seededRandom(7);
  const events: VoteEvent[] = [];
  for (let p = 0; p < 50; p++) {
    const camp = p < 30 ? 1 : -1;
    for (let c = 0; c < 9; c++) {
      if (random() < 0.15) continue; // not everyone sees every statement
      let vote: VoteValue = c === 8 ? 1 : ((c < 4 ? camp : -camp) as VoteValue);
      if (random() < 0.05) vote = 0;
      events.push({ participant: `p${p}`, comment: String(c), vote, time: p * 100 + c });
    }
  }
  return events;
}

function shuffled<T>(list: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('opinion map', () => {
  const events = camps();
  const map = computeMap(columnsOf(events));
  const ids = map.matrix.participantIds;

  it('finds the two camps, their representative statements and the consensus', () => {
    const camp = (p: number) => (Number(ids[p]!.slice(1)) < 30 ? 0 : 1);
    const clustered = ids
      .map((_, p) => p)
      .filter((p) => map.matrix.rowStart[p + 1]! - map.matrix.rowStart[p]! >= 7);
    expect(map.groups.map((g) => g.members.length)).toEqual([
      clustered.filter((p) => camp(p) === 0).length,
      clustered.filter((p) => camp(p) === 1).length,
    ]);
    for (const g of map.groups) for (const p of g.members) expect(camp(p)).toBe(g.id);
    const statements = (g: number) =>
      map.groups[g]!.representative.map((r) => `${map.matrix.commentIds[r.comment]}:${r.direction}`);
    expect(
      statements(0).every((s) =>
        [
          '0:agree',
          '1:agree',
          '2:agree',
          '3:agree',
          '4:disagree',
          '5:disagree',
          '6:disagree',
          '7:disagree',
        ].includes(s),
      ),
    ).toBe(true);
    expect(statements(0).length).toBeGreaterThan(0);
    expect(statements(1).every((s) => /^[0-3]:disagree$|^[4-7]:agree$/.test(s))).toBe(true);
    expect(map.consensus.map((c) => map.matrix.commentIds[c])).toEqual(['8']);
    expect(map.divisive.length).toBe(5);
    expect(map.silhouette).toBeGreaterThan(0.5);
    expect(Array.from(map.clustered).filter(Boolean).length).toBe(clustered.length);
    expect(clustered.length).toBeGreaterThan(40);
  });

  it('is the same map for the same votes, in any order and with ids first seen in any order', () => {
    const again = computeMap(columnsOf(events));
    const reordered = computeMap(columnsOf(shuffled(events, 99)));
    for (const other of [again, reordered]) {
      expect(other.matrix.participantIds).toEqual(ids);
      expect(Array.from(other.group)).toEqual(Array.from(map.group));
      expect(Array.from(other.x)).toEqual(Array.from(map.x));
      expect(Array.from(other.y)).toEqual(Array.from(map.y));
      expect(Array.from(other.groupInformedConsensus)).toEqual(Array.from(map.groupInformedConsensus));
      expect(other.groups.map((g) => g.representative)).toEqual(map.groups.map((g) => g.representative));
    }
  });

  it('a changed vote counts as its latest value', () => {
    // Everyone in the first camp later disagrees with statement 8: no consensus left.
    const changed = [
      ...events,
      ...Array.from({ length: 30 }, (_, p) => ({
        participant: `p${p}`,
        comment: '8',
        vote: -1 as const,
        time: 1e9,
      })),
    ];
    const after = computeMap(columnsOf(changed));
    expect(after.consensus).toEqual([]);
    const eight = after.matrix.commentIds.indexOf('8');
    expect(map.groupInformedConsensus[eight]).toBeGreaterThan(0.7);
    expect(after.groupInformedConsensus[eight]).toBeLessThan(0.2);
  });

  it('leaves out participants with too few votes and groups nobody in a tiny conversation', () => {
    const sparse = computeMap(
      columnsOf([...events, { participant: 'late', comment: '3', vote: 1, time: 1e9 }]),
    );
    const late = sparse.matrix.participantIds.indexOf('late');
    expect(sparse.clustered[late]).toBe(0);
    expect(sparse.group[late]).toBe(-1);
    expect(Number.isFinite(sparse.x[late]!)).toBe(true); // still placed on the map
    const tiny = computeMap(columnsOf([{ participant: 'a', comment: '1', vote: 1, time: 1 }]));
    expect(tiny.groups).toEqual([]);
    expect(tiny.consensus).toEqual([]);
    expect(Array.from(tiny.groupInformedConsensus)).toEqual([2 / 3]); // one agree among everyone: (1 + 1) ÷ (1 + 2)
  });

  it('offers a participant the most informative statement they have not voted on', () => {
    const p = 0;
    const voted = Array.from(map.matrix.col.subarray(map.matrix.rowStart[p]!, map.matrix.rowStart[p + 1]!));
    const next = nextStatement(map.priority, voted);
    if (voted.length === map.matrix.commentIds.length) expect(next).toBeNull();
    else {
      expect(voted).not.toContain(next);
      for (let c = 0; c < map.priority.length; c++)
        if (!voted.includes(c)) expect(map.priority[c]!).toBeLessThanOrEqual(map.priority[next!]!);
    }
    expect(idValue('12')).toBe(12);
    expect(idValue('p12')).toBe('p12');
  });
});
