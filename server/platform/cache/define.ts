import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Db, DbOrTx } from '../db/connect.ts';

// The one cache: small LRU maps in each process, kept true across processes by PostgreSQL
// LISTEN/NOTIFY on one channel. A change notifies `hamkke_cache` (inside the changing transaction,
// so it is heard exactly when it commits); every process listening on that database drops the
// entry. Entries live per database handle (tests open several in one process), and only while
// that handle's listener is connected: a process that may have missed a notification serves
// nothing from memory. The TTL is a safety net, not the way changes spread.

export const CACHE_CHANNEL = 'hamkke_cache';

/** What to drop: everything, one key, or every key that starts with a prefix. */
export type Which = { key?: string; prefix?: string };

interface Message extends Which {
  /** Cache name; absent means every cache. */
  c?: string;
  /** Nonce of an in-transaction invalidation, so its own process knows when it committed. */
  n?: string;
  /** The scope that sent it after a commit and dropped the entry already: it ignores its own echo. */
  o?: string;
}

export interface CacheOptions<V> {
  name: string;
  /** Most entries kept per database handle. */
  max: number;
  /** Longest an entry is served, for changes no notification announced (a hand edit in psql). */
  ttlMs: number;
  /** An answer cache (a computed page of results): off when HAMKKE_ANSWER_CACHE=0. */
  answer?: boolean;
  /** Whether a loaded value may be kept (false: answer it this once, load again next time). */
  keep?: (value: V) => boolean;
}

export interface Cache<V> {
  readonly name: string;
  /**
   * The cached value for `key`, else `load()`; concurrent misses share one load; a failure is not
   * kept. A transaction, or a handle no listener serves (the CLI), always loads.
   */
  get(db: DbOrTx, key: string, load: () => Promise<V>): Promise<V>;
  /**
   * The value `get` would answer from memory, if it is there and loaded; else undefined (then call
   * `get`). For the request path, which can then go on without waiting for a promise.
   */
  peek(db: DbOrTx, key: string): V | undefined;
  /**
   * Drops `which` (default: all) in every process. Pass the transaction that makes the change as
   * `tx`: the notification then goes out when it commits (and not at all on rollback), and until
   * then this process answers the cache's reads from the database. `db` is the handle the process
   * serves (ctx.db); without it, every handle this process listens on is told (through its listener).
   */
  invalidate(opts?: Which & ({ db: Db; tx?: DbOrTx } | { db?: undefined; tx?: undefined })): Promise<void>;
}

/** Per database handle: the stores, whether notifications are being heard, and settings. */
export class CacheScope {
  readonly stores = new Map<string, LRUCache<string, Promise<unknown>>>();
  /** Caches with a change in an open transaction: bypassed until its notification comes back. */
  readonly pending = new Map<string, { cache: string; timer: NodeJS.Timeout }>();
  listening = false;
  answers = true;
  readonly id = randomBytes(6).toString('hex');

  constructor(readonly send: (payload: string) => Promise<void>) {}

  drop(cache: string | undefined, which: Which): void {
    for (const [name, store] of this.stores) {
      if (cache !== undefined && name !== cache) continue;
      if (which.key !== undefined) store.delete(which.key);
      else if (which.prefix !== undefined) {
        for (const key of [...store.keys()]) if (key.startsWith(which.prefix)) store.delete(key);
      } else store.clear();
    }
  }

  clear(): void {
    for (const store of this.stores.values()) store.clear();
  }

  /** A notification heard on this database (from any process, this one included). */
  heard(payload: string): void {
    let message: Message;
    try {
      message = JSON.parse(payload) as Message;
    } catch {
      message = {}; // unreadable: drop everything rather than keep something stale
    }
    if (message.o === this.id) return;
    this.drop(message.c, message);
    if (message.n) {
      const hold = this.pending.get(message.n);
      if (hold) {
        clearTimeout(hold.timer);
        this.pending.delete(message.n);
      }
    }
  }

  isPending(cache: string): boolean {
    if (this.pending.size === 0) return false;
    for (const hold of this.pending.values()) if (hold.cache === cache) return true;
    return false;
  }
}

const scopes = new WeakMap<object, CacheScope>();
/** Scopes with a listener, for invalidations that name no handle. */
const listening = new Set<CacheScope>();

export function attachScope(db: Db, scope: CacheScope): void {
  scopes.set(db, scope);
  listening.add(scope);
}

export function detachScope(db: Db, scope: CacheScope): void {
  if (scopes.get(db) === scope) scopes.delete(db);
  listening.delete(scope);
  scope.listening = false;
  scope.clear();
}

// A notification payload is at most 8000 bytes; a longer key drops the whole cache instead.
const MAX_PAYLOAD = 7_000;
// An invalidation in a transaction that rolls back never comes back; stop waiting for it after this.
const PENDING_LIMIT_MS = 10_000;

function payloadOf(message: Message): string {
  const text = JSON.stringify(message);
  return text.length <= MAX_PAYLOAD ? text : JSON.stringify({ c: message.c, n: message.n, o: message.o });
}

const names = new Set<string>();

/** Loaded values by the promise that loaded them, for peek(). */
const settled = new WeakMap<Promise<unknown>, { value: unknown }>();

export function defineCache<V>(options: CacheOptions<V>): Cache<V> {
  const { name, max, ttlMs, answer = false, keep } = options;
  // Notifications name the cache: two caches with one name would drop each other's entries.
  if (names.has(name)) throw new Error(`defineCache: a cache named ${name} exists already`);
  names.add(name);

  const storeOf = (scope: CacheScope) => {
    let store = scope.stores.get(name);
    if (!store) {
      store = new LRUCache<string, Promise<unknown>>({ max, ttl: ttlMs });
      scope.stores.set(name, store);
    }
    return store as LRUCache<string, Promise<V>>;
  };

  return {
    name,
    get(db, key, load) {
      const scope = scopes.get(db);
      if (!scope?.listening || (answer && !scope.answers) || scope.isPending(name)) return load();
      const store = storeOf(scope);
      const hit = store.get(key);
      if (hit) return hit;
      const value = load();
      store.set(key, value);
      value.then(
        (v) => {
          if (keep && !keep(v) && store.get(key) === value) store.delete(key);
          else settled.set(value, { value: v });
        },
        () => {
          if (store.get(key) === value) store.delete(key);
        },
      );
      return value;
    },

    peek(db, key) {
      const scope = scopes.get(db);
      if (!scope?.listening || (answer && !scope.answers) || scope.isPending(name)) return undefined;
      const hit = storeOf(scope).get(key);
      return hit ? (settled.get(hit)?.value as V | undefined) : undefined;
    },

    async invalidate({ db, tx, key, prefix } = {}) {
      const which: Which = key !== undefined ? { key } : prefix !== undefined ? { prefix } : {};
      const targets = db ? [scopes.get(db)].filter((s) => s !== undefined) : [...listening];
      if (tx) {
        // Reads in between go to the database (which still shows the old rows) and are not kept.
        const nonce = randomBytes(8).toString('hex');
        for (const scope of targets) {
          const timer = setTimeout(() => scope.pending.delete(nonce), PENDING_LIMIT_MS);
          timer.unref();
          scope.pending.set(nonce, { cache: name, timer });
          scope.drop(name, which);
        }
        await tx.execute(
          sql`select pg_notify(${CACHE_CHANNEL}, ${payloadOf({ c: name, n: nonce, ...which })})`,
        );
        return;
      }
      // Called after the change committed: this process forgets it at once (before any await), and
      // the others when they hear it; its own echo is ignored (a second drop would only cost a load).
      for (const scope of targets) scope.drop(name, which);
      if (db) {
        const payload = payloadOf({ c: name, ...which, o: targets[0]?.id });
        await db.execute(sql`select pg_notify(${CACHE_CHANNEL}, ${payload})`);
      } else {
        // Through the listeners' own connections; one that is down clears its caches when it is back.
        await Promise.all(
          targets.map((scope) => scope.send(payloadOf({ c: name, ...which, o: scope.id })).catch(() => {})),
        );
      }
    },
  };
}
