import { describe, expect, it } from 'vitest';
import { batcher } from './coalesce.ts';

describe('batcher: the calls of one turn share one run', () => {
  it('answers each call from one run with all of them, in order', async () => {
    const runs: number[][] = [];
    const double = batcher(async (_: object, xs: number[]) => {
      runs.push(xs);
      return xs.map((x) => x * 2);
    });
    const handle = {};
    expect(await Promise.all([1, 2, 3].map((x) => double(handle, x)))).toEqual([2, 4, 6]);
    expect(runs).toEqual([[1, 2, 3]]);
    // A later turn is a batch of its own.
    expect(await double(handle, 5)).toBe(10);
    expect(runs).toEqual([[1, 2, 3], [5]]);
  });

  it('keeps handles apart (a transaction batches with itself only)', async () => {
    const runs: Array<[string, number[]]> = [];
    const echo = batcher(async (h: { name: string }, xs: number[]) => {
      runs.push([h.name, xs]);
      return xs;
    });
    const a = { name: 'a' };
    const b = { name: 'b' };
    await Promise.all([echo(a, 1), echo(b, 2), echo(a, 3)]);
    expect(runs).toEqual([
      ['a', [1, 3]],
      ['b', [2]],
    ]);
  });

  it('when a batch fails, each call runs again alone: only the bad one gets the error', async () => {
    const runs: number[][] = [];
    const check = batcher(async (_: object, xs: number[]) => {
      runs.push(xs);
      if (xs.includes(13)) throw new Error('thirteen');
      return xs;
    });
    const handle = {};
    const results = await Promise.allSettled([1, 13, 2].map((x) => check(handle, x)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      1,
      'thirteen',
      2,
    ]);
    expect(runs).toEqual([[1, 13, 2], [1], [13], [2]]);
  });
  it('with two batches on the way, later calls wait and go together in the next', async () => {
    const runs: number[][] = [];
    const gates: Array<() => void> = [];
    const slow = batcher(async (_: object, xs: number[]) => {
      runs.push(xs);
      await new Promise<void>((open) => gates.push(open));
      return xs;
    });
    const handle = {};
    const turn = () => new Promise((r) => setImmediate(r));
    const answers = [slow(handle, 1)];
    await turn();
    answers.push(slow(handle, 2));
    await turn();
    answers.push(slow(handle, 3), slow(handle, 4));
    await turn();
    answers.push(slow(handle, 5));
    await turn();
    expect(runs).toEqual([[1], [2]]);
    gates[0]();
    await answers[0];
    await turn();
    await turn();
    expect(runs).toEqual([[1], [2], [3, 4, 5]]);
    gates[1]();
    gates[2]();
    expect(await Promise.all(answers)).toEqual([1, 2, 3, 4, 5]);
  });
});
