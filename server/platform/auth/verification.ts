import { eq, sql } from 'drizzle-orm';
import { AppError } from '../errors.ts';
import type { Ctx, SignedInCtx } from '../http.ts';
import { queueAccountEmail } from './account-emails.ts';
import { type User, users } from './tables.ts';
import { consumeToken, issueToken, lastIssuedAt } from './tokens.ts';

/**
 * Sends a new verification link unless one went out less than `minGapMs` ago (a burst of
 * requests sends one email). Returns whether it sent.
 */
export async function sendVerification(
  ctx: Ctx,
  user: User,
  linkBase: string,
  minGapMs = 60_000,
): Promise<boolean> {
  if (user.emailVerifiedAt || !user.email) return false;
  const last = await lastIssuedAt(ctx.db, user.id, 'verify_email');
  if (last && Date.now() - last.getTime() < minGapMs) return false;
  await ctx.db.transaction(async (tx) => {
    const token = await issueToken(tx, user.id, 'verify_email');
    await queueAccountEmail(tx, ctx.jobs, 'verify', user, verifyLink(linkBase, token));
  });
  return true;
}

export const verifyLink = (base: string, token: string) =>
  `${base}/verify-email?token=${encodeURIComponent(token)}`;
export const resetLink = (base: string, token: string) =>
  `${base}/reset-password?token=${encodeURIComponent(token)}`;

export async function verifyEmail(ctx: Ctx, token: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const userId = await consumeToken(tx, token, 'verify_email');
    if (!userId) throw new AppError('invalid_token', 400);
    await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`, updatedAt: new Date() })
      .where(eq(users.id, userId));
  });
}

export async function resendVerification(ctx: SignedInCtx, linkBase: string): Promise<void> {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.actor.userId));
  await sendVerification(ctx, user, linkBase);
}
