import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
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
    const lockedUntil = sql`now() + make_interval(secs => ${CLAIM_SECONDS})`;
    const taken = await db
      .insert(idempotencyKeys)
      .values({
        ...scope,
        ...request,
        claim,
        lockedUntil,
        expiresAt: sql`now() + make_interval(hours => ${KEEP_HOURS})`,
      })
      .onConflictDoUpdate({
        target: [idempotencyKeys.organizationId, idempotencyKeys.userId, idempotencyKeys.key],
        set: {
          fingerprint: request.fingerprint,
          method: request.method,
          route: request.route,
          claim,
          lockedUntil,
          responseStatus: null,
          responseHeaders: null,
          responseBody: null,
          createdAt: sql`now()`,
          expiresAt: sql`now() + make_interval(hours => ${KEEP_HOURS})`,
        },
        // An abandoned claim is taken over only by the same request: a different one may have run already.
        setWhere: sql`${idempotencyKeys.expiresAt} <= now() or (${idempotencyKeys.claim} is not null
          and ${idempotencyKeys.lockedUntil} <= now() and ${idempotencyKeys.fingerprint} = ${request.fingerprint})`,
      })
      .returning({ claim: idempotencyKeys.claim });
    if (taken[0]?.claim === claim) return { kind: 'claimed', claim };

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

/** Keeps the answer of the request holding the claim (a claim taken over meanwhile is left alone). */
export async function storeAnswer(db: DbOrTx, scope: KeyScope, claim: string, answer: StoredAnswer) {
  await db
    .update(idempotencyKeys)
    .set({
      claim: null,
      lockedUntil: null,
      responseStatus: answer.status,
      responseHeaders: answer.headers,
      responseBody: answer.body,
    })
    .where(and(scoped(scope), eq(idempotencyKeys.claim, claim)));
}

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
