import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.ts';
import { queryRows } from '../db/connect.ts';
import { AppError } from '../errors.ts';
import { loginFailures } from './account-tables.ts';

// Sign-in throttling, kept in the database so every app process sees the same counts.
export const THROTTLE = {
  windowSeconds: 15 * 60,
  perAccount: 5, // failures for one email in the window
  perIp: 30, // failures from one address in the window
} as const;

/**
 * Throws 429 login_throttled (with the seconds until the oldest counted failure leaves the
 * window) when the email or the IP has reached its limit.
 */
export async function assertNotThrottled(
  db: DbOrTx,
  emailNormalized: string,
  ip: string | undefined,
): Promise<void> {
  const seconds = Math.max(
    await secondsLeft(db, sql`email_normalized = ${emailNormalized}`, THROTTLE.perAccount),
    ip ? await secondsLeft(db, sql`ip = ${ip}`, THROTTLE.perIp) : 0,
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

export async function recordLoginFailure(
  db: DbOrTx,
  emailNormalized: string,
  ip: string | undefined,
): Promise<void> {
  await db.insert(loginFailures).values({ emailNormalized, ip: ip?.slice(0, 64) ?? null });
  // Old rows count for nothing: drop this email's, so the table stays small without a sweeper.
  await db
    .delete(loginFailures)
    .where(
      and(
        eq(loginFailures.emailNormalized, emailNormalized),
        sql`${loginFailures.at} < now() - interval '1 day'`,
      ),
    );
}

/** A successful sign-in clears the account's failures (not the IP's). */
export async function clearLoginFailures(db: DbOrTx, emailNormalized: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.emailNormalized, emailNormalized));
}
