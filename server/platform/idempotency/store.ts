import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { batcher } from '../db/coalesce.ts';
import { type DbOrTx, queryRows } from '../db/connect.ts';
import { idempotencyKeys, type StoredHeaders } from './tables.ts';

/** How long an answer is replayed. */
export const KEEP_HOURS = 24;
/**
 * How long a claim holds before a retry of the same request may take it over: long enough for any
 * handler we have (they answer in well under a second), short enough that a process dying between
 * running and storing blocks the key for a minute, not a day.
 */
export const CLAIM_SECONDS = 60;

export interface KeyScope {
  organizationId: string;
  userId: string;
  key: string;
}

export interface StoredAnswer {
  status: number;
  headers: StoredHeaders;
  body: string;
}

export type ClaimResult =
  | { kind: 'claimed'; claim: string }
  | { kind: 'replay'; answer: StoredAnswer }
  | { kind: 'in-progress' }
  | { kind: 'reused' };

const scoped = (s: KeyScope) =>
  and(
    eq(idempotencyKeys.organizationId, s.organizationId),
    eq(idempotencyKeys.userId, s.userId),
    eq(idempotencyKeys.key, s.key),
  );

/**
 * Claims the key for this request in the database, so that exactly one request across every process
 * runs: an insert that does nothing when the key is held, except that it takes over an expired row
 * or an abandoned claim of the same request. Otherwise reports what holds the key.
 */
export async function claimKey(
  db: DbOrTx,
  scope: KeyScope,
  request: { fingerprint: string; method: string; route: string },
): Promise<ClaimResult> {
  // A row purged between the insert and the read: try again (twice is plenty).
  for (let attempt = 0; attempt < 3; attempt++) {
    const claim = randomUUID();
    if (await insertClaim(db, { ...scope, ...request, claim })) return { kind: 'claimed', claim };

    const [held] = await db.select().from(idempotencyKeys).where(scoped(scope));
    if (!held) continue;
    if (held.fingerprint !== request.fingerprint) return { kind: 'reused' };
    if (held.claim !== null || held.responseStatus === null) return { kind: 'in-progress' };
    return {
      kind: 'replay',
      answer: {
        status: held.responseStatus,
        headers: held.responseHeaders ?? {},
        body: held.responseBody ?? '',
      },
    };
  }
  return { kind: 'in-progress' };
}

type NewClaim = KeyScope & { fingerprint: string; method: string; route: string; claim: string };
const scopeOf = (c: KeyScope) => JSON.stringify([c.organizationId, c.userId, c.key]);

/**
 * The claims of one turn in one insert (coalesce.ts): true for each that took its key. A key twice
 * in a batch is tried once (a row cannot be claimed twice by one statement); the second finds it held.
 */
const insertClaim = batcher(async (db: DbOrTx, claims: NewClaim[]) => {
  const first = new Map<string, NewClaim>();
  for (const c of claims) if (!first.has(scopeOf(c))) first.set(scopeOf(c), c);
  const list = [...first.values()];
  const k = idempotencyKeys;
  const column = <T>(pick: (c: NewClaim) => T) => sql.param(list.map(pick));
  const taken = await queryRows<{ claim: string }>(
    db,
    sql`insert into ${k} as held (organization_id, user_id, key, fingerprint, method, route, claim, locked_until, expires_at)
      select t.o, t.u, t.k, t.f, t.m, t.r, t.c,
        now() + make_interval(secs => ${CLAIM_SECONDS}), now() + make_interval(hours => ${KEEP_HOURS})
      from unnest(${column((c) => c.organizationId)}::uuid[], ${column((c) => c.userId)}::uuid[],
        ${column((c) => c.key)}::text[], ${column((c) => c.fingerprint)}::text[], ${column((c) => c.method)}::text[],
        ${column((c) => c.route)}::text[], ${column((c) => c.claim)}::text[]) as t(o, u, k, f, m, r, c)
      on conflict (organization_id, user_id, key) do update set
        fingerprint = excluded.fingerprint, method = excluded.method, route = excluded.route,
        claim = excluded.claim, locked_until = excluded.locked_until,
        response_status = null, response_headers = null, response_body = null,
        created_at = now(), expires_at = excluded.expires_at
      -- An abandoned claim is taken over only by the same request: a different one may have run already.
      where held.expires_at <= now()
        or (held.claim is not null and held.locked_until <= now() and held.fingerprint = excluded.fingerprint)
      returning held.claim`,
  );
  const won = new Set(taken.map((t) => t.claim));
  return claims.map((c) => won.has(c.claim));
});

type Answered = KeyScope & { claim: string; answer: StoredAnswer };

/** Keeps the answer of the request holding the claim (a claim taken over meanwhile is left alone). */
export async function storeAnswer(db: DbOrTx, scope: KeyScope, claim: string, answer: StoredAnswer) {
  await storeAnswers(db, { ...scope, claim, answer });
}

/** The answers of one turn in one update (coalesce.ts). */
const storeAnswers = batcher(async (db: DbOrTx, answered: Answered[]) => {
  const k = idempotencyKeys;
  const column = <T>(pick: (a: Answered) => T) => sql.param(answered.map(pick));
  await db.execute(
    sql`update ${k} as held set claim = null, locked_until = null,
        response_status = t.s, response_headers = t.h::jsonb, response_body = t.b
      from unnest(${column((a) => a.organizationId)}::uuid[], ${column((a) => a.userId)}::uuid[],
        ${column((a) => a.key)}::text[], ${column((a) => a.claim)}::text[], ${column((a) => a.answer.status)}::int[],
        ${column((a) => JSON.stringify(a.answer.headers))}::text[], ${column((a) => a.answer.body)}::text[])
        as t(o, u, k, c, s, h, b)
      where held.organization_id = t.o and held.user_id = t.u and held.key = t.k and held.claim = t.c`,
  );
  return answered.map(() => undefined);
});

/** Gives the key back, so that a retry runs the request (after a server error, or an answer we cannot replay). */
export async function releaseClaim(db: DbOrTx, scope: KeyScope, claim: string) {
  await db.delete(idempotencyKeys).where(and(scoped(scope), eq(idempotencyKeys.claim, claim)));
}

/** Removes answers past their 24 hours (the hourly auth clean-up calls it). */
export async function purgeExpiredIdempotencyKeys(db: DbOrTx, now = new Date()): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with d as (delete from idempotency_keys where expires_at <= ${now} returning 1) select count(*)::int as n from d`,
  );
  return row.n;
}
