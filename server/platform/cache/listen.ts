import pg from 'pg';
import type { Database } from '../db/connect.ts';
import { attachScope, CACHE_CHANNEL, CacheScope, detachScope } from './define.ts';

export interface CacheListener {
  /** Whether notifications are being heard now (caches answer from memory only then). */
  readonly listening: boolean;
  stop(): Promise<void>;
}

export interface ListenOptions {
  /** false (HAMKKE_ANSWER_CACHE=0): answer caches always load; the tenant cache still works. */
  answers: boolean;
}

/** The listener's application_name in pg_stat_activity. */
export const LISTENER_NAME = 'hamkke cache listener';
const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 5_000;

/**
 * Starts this process's cache listener on the database: PGlite's own LISTEN (one process, the
 * same code path), or a dedicated PostgreSQL connection beside the pool that reconnects after a
 * loss. While it is not connected the caches answer nothing from memory, and they start empty
 * each time it connects, so a notification missed in between can never leave a stale entry.
 */
export async function listenForCacheChanges(database: Database, opts: ListenOptions): Promise<CacheListener> {
  if (database.pglite) return listenOnPglite(database, opts);
  if (database.pool) return listenOnPostgres(database, database.pool, opts);
  throw new Error('listenForCacheChanges: the database has neither a PGlite instance nor a pool');
}

async function listenOnPglite(database: Database, opts: ListenOptions): Promise<CacheListener> {
  const pglite = database.pglite;
  if (!pglite) throw new Error('not a PGlite database');
  const scope = new CacheScope(async (payload) => {
    await pglite.query('select pg_notify($1, $2)', [CACHE_CHANNEL, payload]);
  });
  scope.answers = opts.answers;
  const unlisten = await pglite.listen(CACHE_CHANNEL, (payload) => scope.heard(payload));
  scope.listening = true;
  attachScope(database.db, scope);
  return {
    get listening() {
      return scope.listening;
    },
    async stop() {
      detachScope(database.db, scope);
      await unlisten().catch(() => {}); // already closed
    },
  };
}

async function listenOnPostgres(
  database: Database,
  pool: pg.Pool,
  opts: ListenOptions,
): Promise<CacheListener> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retryMs = RETRY_FIRST_MS;
  let retry: NodeJS.Timeout | null = null;

  const scope = new CacheScope(async (payload) => {
    if (!client) throw new Error('the cache listener is not connected');
    await client.query('select pg_notify($1, $2)', [CACHE_CHANNEL, payload]);
  });
  scope.answers = opts.answers;
  attachScope(database.db, scope); // not listening yet: caches load every time until connected

  const connect = async (): Promise<void> => {
    retry = null;
    // The pool's own settings (address, credentials, SSL), as the pool passes them to its clients.
    const c = new pg.Client({ ...pool.options, keepAlive: true, application_name: LISTENER_NAME });
    let gone = false;
    const lost = () => {
      if (gone) return;
      gone = true;
      if (client === c) client = null;
      scope.listening = false;
      scope.clear();
      c.end().catch(() => {});
      if (!stopped) {
        retry = setTimeout(() => void connect(), retryMs);
        retry.unref();
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
      }
    };
    c.on('error', lost);
    c.on('end', lost);
    c.on('notification', (m) => {
      if (m.channel === CACHE_CHANNEL) scope.heard(m.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`listen ${CACHE_CHANNEL}`);
    } catch {
      lost();
      return;
    }
    if (stopped || gone) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    retryMs = RETRY_FIRST_MS;
    scope.clear(); // anything could have changed while nobody was listening
    scope.listening = true;
  };

  await connect(); // a failure leaves caches off and retries in the background
  return {
    get listening() {
      return scope.listening;
    },
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      detachScope(database.db, scope);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
