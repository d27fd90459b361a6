import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/helpers/database.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { openPostgres } from '../db/connect.ts';
import { CACHE_CHANNEL, defineCache } from './define.ts';
import { type CacheListener, LISTENER_NAME, listenForCacheChanges } from './listen.ts';

const HOUR = 3_600_000;

/** A cache over the probe table; `loads` counts how often it went to the database. */
let made = 0;
function probeCache(name: string, opts: { ttlMs?: number; answer?: boolean } = {}) {
  const counter = { loads: 0 };
  // Names are unique per process; each engine's tests make their own.
  const cache = defineCache<number>({
    name: `${name}-${++made}`,
    max: 100,
    ttlMs: opts.ttlMs ?? HOUR,
    answer: opts.answer,
  });
  const read = (database: TestDatabase, key: string) =>
    cache.get(database.db, key, async () => {
      counter.loads++;
      const rows = await database.db.execute(sql`select v from cache_probe where k = ${key}`);
      return (rows as unknown as { rows: { v: number }[] }).rows[0]?.v ?? 0;
    });
  return { cache, counter, read };
}

const setProbe = (database: TestDatabase, key: string, v: number) =>
  database.db.execute(
    sql`insert into cache_probe (k, v) values (${key}, ${v}) on conflict (k) do update set v = excluded.v`,
  );

describe.each(engines)('the platform cache on %s', (engine) => {
  let database: TestDatabase;
  let listener: CacheListener;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await database.db.execute(sql`create table cache_probe (k text primary key, v int not null)`);
    listener = await listenForCacheChanges(database, { answers: true });
  });
  afterAll(async () => {
    await listener.stop();
    await database.close();
  });

  it('answers from memory until invalidated: one key, a prefix, or the whole cache', async () => {
    const { cache, counter, read } = probeCache('keys');
    for (const k of ['a', 'org1|x', 'org1|y', 'org2|x']) await setProbe(database, k, 1);
    for (const k of ['a', 'org1|x', 'org1|y', 'org2|x']) expect(await read(database, k)).toBe(1);
    for (const k of ['a', 'org1|x', 'org1|y', 'org2|x']) await setProbe(database, k, 2);
    expect(await read(database, 'a')).toBe(1); // kept: nobody said it changed
    expect(counter.loads).toBe(4);

    await cache.invalidate({ db: database.db, key: 'a' });
    expect(await read(database, 'a')).toBe(2);
    expect(await read(database, 'org1|x')).toBe(1);

    await cache.invalidate({ db: database.db, prefix: 'org1|' });
    expect([await read(database, 'org1|x'), await read(database, 'org1|y')]).toEqual([2, 2]);
    expect(await read(database, 'org2|x')).toBe(1);

    await cache.invalidate({ db: database.db });
    expect(await read(database, 'org2|x')).toBe(2);
    expect(counter.loads).toBe(8);
  });

  it('peeks only at a loaded value, and not after it is invalidated or while its change is pending', async () => {
    const { cache, read } = probeCache('peek');
    await setProbe(database, 'p', 7);
    expect(cache.peek(database.db, 'p')).toBeUndefined(); // never loaded
    const loading = read(database, 'p');
    expect(cache.peek(database.db, 'p')).toBeUndefined(); // loading, not loaded
    expect(await loading).toBe(7);
    expect(cache.peek(database.db, 'p')).toBe(7);
    await cache.invalidate({ db: database.db, key: 'p' });
    expect(cache.peek(database.db, 'p')).toBeUndefined();
    expect(await read(database, 'p')).toBe(7);
    await database.db.transaction(async (tx) => {
      await cache.invalidate({ db: database.db, tx, key: 'other' });
      expect(cache.peek(database.db, 'p')).toBeUndefined(); // a change in flight: ask the database
    });
  });

  it('shares a cold load among concurrent asks, and keeps neither a failure nor what keep() refuses', async () => {
    let loads = 0;
    const shared = defineCache<string>({ name: `shared-${engine}`, max: 10, ttlMs: HOUR });
    const slow = () =>
      new Promise<string>((resolve) => {
        loads++;
        setTimeout(() => resolve(`load ${loads}`), 20);
      });
    const answers = await Promise.all([1, 2, 3].map(() => shared.get(database.db, 'k', slow)));
    expect(answers).toEqual(['load 1', 'load 1', 'load 1']);

    const failing = () => Promise.reject(new Error('database away'));
    await expect(shared.get(database.db, 'bad', failing)).rejects.toThrow('database away');
    expect(await shared.get(database.db, 'bad', async () => 'recovered')).toBe('recovered');

    const picky = defineCache<string | null>({
      name: `picky-${engine}`,
      max: 10,
      ttlMs: HOUR,
      keep: (v) => v !== null,
    });
    expect(await picky.get(database.db, 'k', async () => null)).toBeNull();
    expect(await picky.get(database.db, 'k', async () => 'now')).toBe('now');
    expect(await picky.get(database.db, 'k', async () => 'later')).toBe('now');
  });

  it('hears an invalidation made in a transaction when it commits, and until then keeps nothing', async () => {
    const { cache, counter, read } = probeCache('in-transaction');
    await setProbe(database, 'k', 1);
    expect(await read(database, 'k')).toBe(1);
    let during: number[] = [];
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`update cache_probe set v = 2 where k = 'k'`);
      await cache.invalidate({ db: database.db, tx, key: 'k' });
      // Readers meanwhile load (from the database, which still shows the old row to them) and
      // nothing they load is kept: the second gets its own answer, not the first one's.
      during = [
        await cache.get(database.db, 'k', async () => 10),
        await cache.get(database.db, 'k', async () => 11),
      ];
    });
    expect(during).toEqual([10, 11]);
    expect(await read(database, 'k')).toBe(2);
    // Kept again once its own notification is back: at once on PGlite, a moment later on PostgreSQL.
    await expect
      .poll(
        async () => {
          const before = counter.loads;
          expect(await read(database, 'k')).toBe(2);
          return counter.loads - before;
        },
        { timeout: 1_000, interval: 2 },
      )
      .toBe(0);
  });

  it('says nothing when the transaction rolls back, and answers the database meanwhile', async () => {
    const { cache, read } = probeCache('rolled-back');
    await setProbe(database, 'k', 1);
    expect(await read(database, 'k')).toBe(1);
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`update cache_probe set v = 2 where k = 'k'`);
        await cache.invalidate({ db: database.db, tx, key: 'k' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await read(database, 'k')).toBe(1);
  });

  it('drops an entry when a notification comes from another connection', async () => {
    const { cache, read } = probeCache('from-outside');
    await setProbe(database, 'k', 1);
    expect(await read(database, 'k')).toBe(1);
    await setProbe(database, 'k', 2);
    const payload = JSON.stringify({ c: cache.name, key: 'k' });
    if (database.url) {
      const other = new pg.Client({ connectionString: database.url });
      await other.connect();
      await other.query('select pg_notify($1, $2)', [CACHE_CHANNEL, payload]);
      await other.end();
    } else {
      await database.db.execute(sql`select pg_notify(${CACHE_CHANNEL}, ${payload})`);
    }
    await expect.poll(() => read(database, 'k'), { timeout: 1_000, interval: 5 }).toBe(2);
    // An unreadable payload drops everything rather than risk a stale entry.
    await setProbe(database, 'k', 3);
    await database.db.execute(sql`select pg_notify(${CACHE_CHANNEL}, 'not json')`);
    await expect.poll(() => read(database, 'k'), { timeout: 1_000, interval: 5 }).toBe(3);
  });

  it('forgets an entry older than its TTL', async () => {
    const { read } = probeCache('short-lived', { ttlMs: 40 });
    await setProbe(database, 'k', 1);
    expect(await read(database, 'k')).toBe(1);
    await setProbe(database, 'k', 2); // announced to nobody: only the TTL brings it in
    await new Promise((r) => setTimeout(r, 80));
    expect(await read(database, 'k')).toBe(2);
  });

  it('keeps nothing without a listener, nor answer caches when they are turned off', async () => {
    const off = await createTestDatabase(engine);
    try {
      await off.db.execute(sql`create table cache_probe (k text primary key, v int not null)`);
      await setProbe(off, 'k', 1);
      const tenantLike = probeCache('not-an-answer');
      const answers = probeCache('an-answer', { answer: true });
      // No listener yet (a CLI process): every read loads.
      await tenantLike.read(off, 'k');
      await tenantLike.read(off, 'k');
      expect(tenantLike.counter.loads).toBe(2);

      const offListener = await listenForCacheChanges(off, { answers: false });
      try {
        for (let i = 0; i < 3; i++) {
          await tenantLike.read(off, 'k');
          await answers.read(off, 'k');
        }
        expect(tenantLike.counter.loads).toBe(3); // one more, then kept
        expect(answers.counter.loads).toBe(3); // HAMKKE_ANSWER_CACHE=0: every time
      } finally {
        await offListener.stop();
      }
      await tenantLike.read(off, 'k');
      expect(tenantLike.counter.loads).toBe(4); // stopped: nothing served from memory
    } finally {
      await off.close();
    }
  });
});

describe.each(engines.filter((e) => e === 'postgres'))(
  'the platform cache across processes on %s',
  (engine) => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(engine);
      await database.db.execute(sql`create table cache_probe (k text primary key, v int not null)`);
    });
    afterAll(async () => {
      await database.close();
    });

    it('shows a change committed through one handle in another at once, not after the TTL', async () => {
      const url = database.url as string;
      const a = { ...openPostgres(url, 2), url };
      const b = { ...openPostgres(url, 2), url };
      const listenA = await listenForCacheChanges(a, { answers: true });
      const listenB = await listenForCacheChanges(b, { answers: true });
      try {
        const { cache, read } = probeCache('two-processes');
        await setProbe(database, 'k', 1);
        expect([await read(a, 'k'), await read(b, 'k')]).toEqual([1, 1]);
        await b.db.transaction(async (tx) => {
          await tx.execute(sql`update cache_probe set v = 2 where k = 'k'`);
          await cache.invalidate({ db: b.db, tx, key: 'k' });
        });
        const committed = Date.now();
        expect(await read(b, 'k')).toBe(2);
        await expect.poll(() => read(a, 'k'), { timeout: 1_000, interval: 2 }).toBe(2);
        expect(Date.now() - committed).toBeLessThan(1_000); // the TTL is an hour

        // After the commit, without a transaction, from the other side.
        await setProbe(database, 'k', 3);
        await cache.invalidate({ db: a.db, key: 'k' });
        expect(await read(a, 'k')).toBe(3);
        await expect.poll(() => read(b, 'k'), { timeout: 1_000, interval: 2 }).toBe(3);
      } finally {
        await listenA.stop();
        await listenB.stop();
        await a.close();
        await b.close();
      }
    });

    it('answers from the database while its listener is cut off, and starts empty when it is back', async () => {
      const url = database.url as string;
      const a = { ...openPostgres(url, 2), url };
      const listener = await listenForCacheChanges(a, { answers: true });
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        const { cache, counter, read } = probeCache('cut-off');
        await setProbe(database, 'k', 1);
        expect(await read(a, 'k')).toBe(1);
        expect(await read(a, 'k')).toBe(1);
        expect(counter.loads).toBe(1);

        // The listener's connection is killed and, meanwhile, a change arrives that nobody announces.
        const killed = await admin.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = $1',
          [LISTENER_NAME],
        );
        expect(killed.rowCount).toBe(1);
        await setProbe(database, 'k', 2);
        await expect.poll(() => listener.listening, { timeout: 2_000, interval: 1 }).toBe(false);
        expect(await read(a, 'k')).toBe(2);
        expect(await read(a, 'k')).toBe(2);

        await expect.poll(() => listener.listening, { timeout: 5_000, interval: 10 }).toBe(true);
        const loads = counter.loads;
        expect(await read(a, 'k')).toBe(2);
        expect(await read(a, 'k')).toBe(2);
        expect(counter.loads).toBe(loads + 1); // kept again once it listens
        // And it hears notifications again.
        await setProbe(database, 'k', 4);
        await admin.query('select pg_notify($1, $2)', [CACHE_CHANNEL, JSON.stringify({ c: cache.name })]);
        await expect.poll(() => read(a, 'k'), { timeout: 1_000, interval: 2 }).toBe(4);
      } finally {
        await admin.end();
        await listener.stop();
        await a.close();
      }
    });
  },
);
