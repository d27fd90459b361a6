import { describe, expect, it } from 'vitest';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { cachedPolicyList, forgetPolicyLists } from './list-cache.ts';

describe('the per-process cache of public policy lists', () => {
  const db = {} as DbOrTx;
  const answer = (title: string) => ({ items: [], nextCursor: title });

  it('shares one load among concurrent and repeated asks, keyed by the whole query', async () => {
    let loads = 0;
    const load = async () => answer(`load ${++loads}`);
    const [a, b] = await Promise.all([
      cachedPolicyList(db, 'org-1', { q: '주거', sort: 'relevance', limit: 20 }, load),
      cachedPolicyList(db, 'org-1', { sort: 'relevance', q: '주거', limit: 20 }, load),
    ]);
    expect(a).toEqual(answer('load 1'));
    expect(b).toBe(a);
    expect(await cachedPolicyList(db, 'org-1', { q: '창업', limit: 20 }, load)).toEqual(answer('load 2'));
    expect(await cachedPolicyList(db, 'org-2', { q: '주거', sort: 'relevance', limit: 20 }, load)).toEqual(
      answer('load 3'),
    );
  });

  it('forgets an organization at once when its policies change, and never keeps a failure', async () => {
    let loads = 0;
    const load = async () => answer(`load ${++loads}`);
    await cachedPolicyList(db, 'org-3', { q: '청년', limit: 20 }, load);
    forgetPolicyLists('org-3');
    expect(await cachedPolicyList(db, 'org-3', { q: '청년', limit: 20 }, load)).toEqual(answer('load 2'));

    const failing = () => Promise.reject(new Error('database away'));
    await expect(cachedPolicyList(db, 'org-4', { q: '청년', limit: 20 }, failing)).rejects.toThrow(
      'database away',
    );
    expect(await cachedPolicyList(db, 'org-4', { q: '청년', limit: 20 }, load)).toEqual(answer('load 3'));
  });
});
