import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/connect.ts';
import { queryRows } from '../db/connect.ts';
import { AppError } from '../errors.ts';
import { loginFailures } from './account-tables.ts';

// Sign-in throttling, kept in the database so every app process sees the same counts.
export const THROTTLE = {
  windowSeconds: 15 * 60,
  perAccount: 5, // failures for one email in the window
  perIp: 30, // failures from one address in the window
} as const;

// Namespace of the throttle's advisory locks (pg_advisory_xact_lock(class, key)), apart from other locks.
const LOCK_CLASS = 0x4b54; // 'KT'

/** The throttle key of an account: its email, or its id when it has none (single sign-on). */
export const throttleKeyOf = (user: { id: string; emailNormalized: string | null }) =>
  user.emailNormalized ?? `user:${user.id}`;

/**
 * Checks a password under the per-account and per-address throttle, wherever a password is asked
 * (sign-in, change, account deletion, turning two-step off), so guesses anywhere share one limit.
 * The attempt is recorded BEFORE the password is checked, under advisory locks on the account and
 * the address: parallel guesses queue on the lock and each sees the ones before it, so no more than
 * the limit are ever checked. A right password takes back its own record; earlier failures stay
 * until the caller clears them on a complete sign-in. Throws 429 login_throttled at the limit.
 */
export async function checkPasswordThrottled(
  db: Db,
  key: string,
  ip: string | undefined,
  check: () => Promise<boolean>,
): Promise<boolean> {
  const attempt = await db.transaction(async (tx) => {
    // Always the account before the address, so two requests never wait on each other in a cycle.
    await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(LOCK_CLASS))}, hashtext(${key}))`);
    if (ip)
      await tx.execute(
        sql`select pg_advisory_xact_lock(${sql.raw(String(LOCK_CLASS))}, hashtext(${`ip:${ip}`}))`,
      );
    await assertNotThrottled(tx, key, ip);
    const [row] = await tx
      .insert(loginFailures)
      .values({ emailNormalized: key, ip: ip?.slice(0, 64) ?? null })
      .returning({ id: loginFailures.id });
    return row.id;
  });
  if (await check()) {
    await db.delete(loginFailures).where(eq(loginFailures.id, attempt));
    return true;
  }
  // Old rows count for nothing: drop this key's, so the table stays small without a sweeper.
  await db
    .delete(loginFailures)
    .where(and(eq(loginFailures.emailNormalized, key), sql`${loginFailures.at} < now() - interval '1 day'`));
  return false;
}

/**
 * Throws 429 login_throttled (with the seconds until the oldest counted failure leaves the
 * window) when the key or the IP has reached its limit.
 */
async function assertNotThrottled(db: DbOrTx, key: string, ip: string | undefined): Promise<void> {
  const seconds = Math.max(
    await secondsLeft(db, sql`email_normalized = ${key}`, THROTTLE.perAccount),
    ip ? await secondsLeft(db, sql`ip = ${ip.slice(0, 64)}`, THROTTLE.perIp) : 0,
  );
  if (seconds > 0) throw new AppError('login_throttled', 429, { seconds });
}

// The limit-th newest failure in the window: while it is inside, the limit is reached.
async function secondsLeft(db: DbOrTx, where: ReturnType<typeof sql>, limit: number): Promise<number> {
  const [row] = await queryRows<{ seconds: number }>(
    db,
    sql`select ceil(extract(epoch from (at + make_interval(secs => ${THROTTLE.windowSeconds}) - now())))::int as seconds
        from login_failures
        where ${where} and at > now() - make_interval(secs => ${THROTTLE.windowSeconds})
        order by at desc offset ${limit - 1} limit 1`,
  );
  return row ? Math.max(1, row.seconds) : 0;
}

/** A complete sign-in (after the second step, when there is one) clears the account's failures (not the IP's). */
export async function clearLoginFailures(db: DbOrTx, key: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.emailNormalized, key));
}
