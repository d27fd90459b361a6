import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../../tests/helpers/database.ts';
import { type CacheListener, listenForCacheChanges } from '../../../../platform/cache/listen.ts';
import { cachedPolicyList, forgetPolicyLists } from './list-cache.ts';

describe('the cache of public policy lists', () => {
  let database: TestDatabase;
  let listener: CacheListener;
  const answer = (title: string) => Buffer.from(JSON.stringify({ items: [], nextCursor: title }));

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    listener = await listenForCacheChanges(database, { answers: true });
  });
  afterAll(async () => {
    await listener.stop();
    await database.close();
  });

  it('shares one load among concurrent and repeated asks, keyed by the whole query', async () => {
    const db = database.db;
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

  it("forgets one organization's pages at once when its policies change, and never keeps a failure", async () => {
    const db = database.db;
    let loads = 0;
    const load = async () => answer(`load ${++loads}`);
    await cachedPolicyList(db, 'org-3', { q: '청년', limit: 20 }, load);
    await cachedPolicyList(db, 'org-30', { q: '청년', limit: 20 }, load);
    forgetPolicyLists('org-3');
    expect(await cachedPolicyList(db, 'org-3', { q: '청년', limit: 20 }, load)).toEqual(answer('load 3'));
    expect(await cachedPolicyList(db, 'org-30', { q: '청년', limit: 20 }, load)).toEqual(answer('load 2'));

    const failing = () => Promise.reject(new Error('database away'));
    await expect(cachedPolicyList(db, 'org-4', { q: '청년', limit: 20 }, failing)).rejects.toThrow(
      'database away',
    );
    expect(await cachedPolicyList(db, 'org-4', { q: '청년', limit: 20 }, load)).toEqual(answer('load 4'));
  });

  it('answers every ask afresh when answer caches are off (HAMKKE_ANSWER_CACHE=0)', async () => {
    const off = await createTestDatabase('pglite');
    const offListener = await listenForCacheChanges(off, { answers: false });
    try {
      let loads = 0;
      const load = async () => answer(`load ${++loads}`);
      await cachedPolicyList(off.db, 'org-5', { q: '청년', limit: 20 }, load);
      expect(await cachedPolicyList(off.db, 'org-5', { q: '청년', limit: 20 }, load)).toEqual(
        answer('load 2'),
      );
    } finally {
      await offListener.stop();
      await off.close();
    }
  });
});
