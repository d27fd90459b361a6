import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../errors.ts';
import type { Ctx, SignedInCtx } from '../http.ts';
import { queueAccountEmail } from './account-emails.ts';
import { findUserByEmail } from './commands.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { deleteUserSessions } from './sessions.ts';
import { memberships, users } from './tables.ts';
import { checkPasswordThrottled, clearLoginFailures, throttleKeyOf } from './throttle.ts';
import { consumeToken, issueToken, lastIssuedAt, retireTokens } from './tokens.ts';
import { resetLink } from './verification.ts';

/**
 * Sends a reset link when the account exists and belongs to the organization whose site is asked
 * (the link points at that site); the caller answers the same either way. The mail is filed under
 * the account's own organization (account-emails.ts), never the one the Host names.
 */
export async function requestPasswordReset(ctx: Ctx, email: string, linkBase: string): Promise<void> {
  const user = await findUserByEmail(ctx, email);
  if (!user?.email) return;
  const [member] = await ctx.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.userId, user.id), eq(memberships.organizationId, ctx.organizationId)))
    .limit(1);
  if (!member) return;
  const last = await lastIssuedAt(ctx.db, user.id, 'reset_password');
  if (last && Date.now() - last.getTime() < 60_000) return; // one email a minute at most
  await ctx.db.transaction(async (tx) => {
    const token = await issueToken(tx, user.id, 'reset_password');
    await queueAccountEmail(tx, ctx.jobs, 'reset', user, resetLink(linkBase, token));
  });
}

/** Sets a new password from a reset link; every session of the account ends. */
export async function confirmPasswordReset(ctx: Ctx, token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    const userId = await consumeToken(tx, token, 'reset_password');
    if (!userId) throw new AppError('invalid_token', 400);
    const [user] = await tx
      .update(users)
      // Opening the link proves the address is theirs, so it counts as verified too.
      .set({
        passwordHash,
        emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId))
      .returning();
    await retireTokens(tx, userId, 'reset_password');
    await deleteUserSessions(tx, userId);
    if (user.emailNormalized) await clearLoginFailures(tx, user.emailNormalized);
  });
}

/** Changes the password of the signed-in person; their other sessions end. Wrong guesses count toward throttling. */
export async function changePassword(
  ctx: SignedInCtx,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.actor.userId));
  const right = await checkPasswordThrottled(ctx.db, throttleKeyOf(user), ctx.ip, () =>
    verifyPassword(user.passwordHash, input.currentPassword),
  );
  if (!right) {
    throw new AppError('invalid_current_password', 400, {}, [
      { field: 'body.currentPassword', code: 'invalid_current_password' },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, user.id));
    await deleteUserSessions(tx, user.id, ctx.actor.sessionId);
    await retireTokens(tx, user.id, 'reset_password');
  });
}
