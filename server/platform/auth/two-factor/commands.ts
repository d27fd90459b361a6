import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connect.ts';
import { queryRows } from '../../db/connect.ts';
import { AppError, unauthenticated } from '../../errors.ts';
import type { Ctx, SignedInCtx } from '../../http.ts';
import { organizations } from '../../tenants/tables.ts';
import { verifyPassword } from '../passwords.ts';
import { createSession, deleteSession, hashToken, resolveSession } from '../sessions.ts';
import { memberships, type User, users } from '../tables.ts';
import { checkPasswordThrottled, clearLoginFailures, throttleKeyOf } from '../throttle.ts';
import { isSealed, openSecret, type SecretKey, sealSecret, secretKeyOf } from './secret-box.ts';
import { totpLastSteps, twoFactorLoginFailures, twoFactorThrottle } from './tables.ts';
import { matchTotp, newTotpSecret, otpauthUrl } from './totp.ts';

// The TOTP secret must be readable to compute codes, so it cannot be hashed: it is sealed with
// HAMKKE_SECRET_KEY when that is set (see secret-box.ts).

export const MAX_TWO_FACTOR_FAILURES = 5;

// Codes per account: more than MAX_TWO_FACTOR_FAILURES attempts without a right code within the
// window lock the account's codes, for longer each time in a row (a right code resets it all).
export const TWO_FACTOR_THROTTLE = {
  windowSeconds: 15 * 60,
  firstLockSeconds: 15 * 60,
  maxLockSeconds: 24 * 60 * 60,
} as const;

/**
 * Counts one code attempt for the account BEFORE the code is checked, in one statement (the row
 * lock of the upsert orders parallel attempts), or throws 429 two_factor_locked while locked.
 * The attempt past the limit starts a lock. Pending logins, which a right password renews at will,
 * share this count, so signing in again never buys fresh guesses.
 */
async function countCodeAttempt(db: DbOrTx, userId: string): Promise<void> {
  const { windowSeconds, firstLockSeconds, maxLockSeconds } = TWO_FACTOR_THROTTLE;
  const inWindow = sql`t.window_started_at > now() - make_interval(secs => ${windowSeconds})`;
  const counted = await queryRows<{ attempts: number }>(
    db,
    sql`insert into two_factor_throttle as t (user_id, attempts, window_started_at)
        values (${userId}, 1, now())
        on conflict (user_id) do update set
          attempts = case when ${inWindow} then t.attempts + 1 else 1 end,
          window_started_at = case when ${inWindow} then t.window_started_at else now() end
        where t.locked_until is null or t.locked_until <= now()
        returning attempts`,
  );
  if (counted.length === 1 && counted[0].attempts <= MAX_TWO_FACTOR_FAILURES) return;
  if (counted.length === 1) {
    // Of parallel attempts past the limit only the first starts the lock (the others see it set).
    await db.execute(sql`update two_factor_throttle set
        locked_until = now() + make_interval(secs => least(${firstLockSeconds} * power(2, lockouts), ${maxLockSeconds})),
        lockouts = lockouts + 1, attempts = 0, window_started_at = null
      where user_id = ${userId} and (locked_until is null or locked_until <= now())`);
  }
  const [row] = await queryRows<{ seconds: number }>(
    db,
    sql`select ceil(extract(epoch from (locked_until - now())))::int as seconds
        from two_factor_throttle where user_id = ${userId}`,
  );
  throw new AppError('two_factor_locked', 429, { seconds: Math.max(1, row?.seconds ?? 1) });
}

/** A right code: the account's code attempts and locks start over. */
async function clearCodeAttempts(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(twoFactorThrottle).where(eq(twoFactorThrottle.userId, userId));
}

async function currentUser(ctx: SignedInCtx, db: DbOrTx = ctx.db): Promise<User> {
  const [user] = await db.select().from(users).where(eq(users.id, ctx.actor.userId));
  if (!user) throw unauthenticated(); // the account went between the session check and this read
  return user;
}

async function lastTimeStep(db: DbOrTx, userId: string): Promise<number | null> {
  const [row] = await db
    .select({ timeStep: totpLastSteps.timeStep })
    .from(totpLastSteps)
    .where(eq(totpLastSteps.userId, userId));
  return row?.timeStep ?? null;
}

/**
 * Checks a code against the person's secret and records its time step, atomically: of two
 * requests with the same code only one wins. False for a wrong, stale or replayed code.
 */
async function consumeCode(
  db: DbOrTx,
  key: SecretKey,
  user: Pick<User, 'id' | 'totpSecret'>,
  code: string,
): Promise<boolean> {
  if (!user.totpSecret) return false;
  const secret = openSecret(user.totpSecret, user.id, key);
  const step = await matchTotp(secret, code, await lastTimeStep(db, user.id));
  if (step === null) return false;
  const won = await db
    .insert(totpLastSteps)
    .values({ userId: user.id, timeStep: step })
    .onConflictDoUpdate({
      target: totpLastSteps.userId,
      set: { timeStep: sql`excluded.time_step`, updatedAt: new Date() },
      setWhere: sql`${totpLastSteps.timeStep} < excluded.time_step`,
    })
    .returning({ userId: totpLastSteps.userId });
  return won.length === 1;
}

const invalidCode = (status = 400) =>
  new AppError(
    'invalid_two_factor_code',
    status,
    {},
    status === 400 ? [{ field: 'body.code', code: 'invalid_two_factor_code' }] : undefined,
  );

/** Starts setting up: a new secret, stored as pending until a code from it is confirmed. */
export async function setupTwoFactor(ctx: SignedInCtx): Promise<{ secret: string; otpauthUrl: string }> {
  const user = await currentUser(ctx);
  if (user.totpEnabledAt) throw new AppError('two_factor_already_enabled', 409);
  const secret = newTotpSecret();
  await ctx.db
    .update(users)
    .set({ totpSecret: sealSecret(secret, user.id, secretKeyOf(ctx.config)), updatedAt: new Date() })
    .where(eq(users.id, user.id));
  return { secret, otpauthUrl: otpauthUrl(user.email ?? user.displayName, secret) };
}

export async function enableTwoFactor(ctx: SignedInCtx, input: { code: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const user = await currentUser(ctx, tx);
    if (user.totpEnabledAt) throw new AppError('two_factor_already_enabled', 409);
    if (!user.totpSecret) throw new AppError('two_factor_not_set_up', 409);
    await tx.delete(totpLastSteps).where(eq(totpLastSteps.userId, user.id)); // steps of an older secret mean nothing
    if (!(await consumeCode(tx, secretKeyOf(ctx.config), user, input.code))) throw invalidCode();
    await tx
      .update(users)
      .set({ totpEnabledAt: new Date(), updatedAt: new Date() })
      .where(eq(users.id, user.id));
  });
}

/** Staff or admin of an organization that requires two-factor may not turn it off. */
async function requiredByOrganization(db: DbOrTx, organizationId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.organizationId, organizationId),
        eq(organizations.requireStaffTwoFactor, true),
        inArray(memberships.role, ['staff', 'admin']),
      ),
    )
    .limit(1);
  return Boolean(row);
}

export async function disableTwoFactor(
  ctx: SignedInCtx,
  input: { password?: string; code: string },
): Promise<void> {
  const user = await currentUser(ctx);
  if (!user.totpEnabledAt) throw new AppError('two_factor_not_enabled', 409);
  if (await requiredByOrganization(ctx.db, ctx.organizationId, user.id))
    throw new AppError('two_factor_required_by_organization', 409);
  // The code is looked at only after the password is right, so a stolen session alone learns nothing about either.
  // An account made through single sign-on has no password: the session and a fresh code are what it has.
  if (user.passwordHash !== null) {
    if (input.password === undefined)
      throw new AppError('validation_failed', 400, {}, [{ field: 'body.password', code: 'required' }]);
    const password = input.password;
    const right = await checkPasswordThrottled(ctx.db, throttleKeyOf(user), ctx.ip, () =>
      verifyPassword(user.passwordHash, password),
    );
    if (!right) {
      throw new AppError('two_factor_password_incorrect', 400, {}, [
        { field: 'body.password', code: 'incorrect' },
      ]);
    }
  }
  await countCodeAttempt(ctx.db, user.id);
  if (!(await consumeCode(ctx.db, secretKeyOf(ctx.config), user, input.code))) throw invalidCode();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, updatedAt: new Date() })
      .where(eq(users.id, user.id));
    await tx.delete(totpLastSteps).where(eq(totpLastSteps.userId, user.id));
    await clearCodeAttempts(tx, user.id);
  });
}

export type TwoFactorLoginOutcome =
  | { kind: 'signed-in'; token: string; csrfToken: string; expiresAt: Date; user: User }
  | { kind: 'invalid' }
  | { kind: 'expired' };

/**
 * The second step of a login: the pending session (password already checked) plus a valid code
 * become a full session with a new token. Wrong codes are counted per pending login (the fifth
 * ends it) and per account (countCodeAttempt). Only this complete sign-in clears the account's
 * password failures, kept since the password step.
 */
export async function completeTwoFactorLogin(
  ctx: Ctx,
  token: string | null,
  code: string,
): Promise<TwoFactorLoginOutcome> {
  if (!token) return { kind: 'expired' };
  const pending = await resolveSession(ctx.db, token);
  if (!pending?.twoFactorPending || pending.organizationId !== ctx.organizationId) return { kind: 'expired' };
  const [user] = await ctx.db.select().from(users).where(eq(users.id, pending.userId));
  if (!user?.totpEnabledAt) {
    await deleteSession(ctx.db, token);
    return { kind: 'expired' };
  }
  await countCodeAttempt(ctx.db, user.id);
  const key = secretKeyOf(ctx.config);
  if (!(await consumeCode(ctx.db, key, user, code))) {
    const [row] = await ctx.db
      .insert(twoFactorLoginFailures)
      .values({ sessionId: hashToken(token), failures: 1 })
      .onConflictDoUpdate({
        target: twoFactorLoginFailures.sessionId,
        set: { failures: sql`${twoFactorLoginFailures.failures} + 1` },
      })
      .returning({ failures: twoFactorLoginFailures.failures });
    if (row.failures >= MAX_TWO_FACTOR_FAILURES) {
      await deleteSession(ctx.db, token);
      return { kind: 'expired' };
    }
    return { kind: 'invalid' };
  }
  return ctx.db.transaction(async (tx) => {
    // A secret stored before the key was set is sealed now that it has been used.
    if (key && user.totpSecret && !isSealed(user.totpSecret))
      await tx
        .update(users)
        .set({ totpSecret: sealSecret(user.totpSecret, user.id, key) })
        .where(eq(users.id, user.id));
    await clearCodeAttempts(tx, user.id);
    await clearLoginFailures(tx, throttleKeyOf(user));
    await deleteSession(tx, token);
    const session = await createSession(tx, {
      userId: user.id,
      organizationId: ctx.organizationId,
      days: ctx.config.HAMKKE_SESSION_DAYS,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    return { kind: 'signed-in' as const, ...session, user };
  });
}
