import { and, eq, isNull, sql } from 'drizzle-orm';
import { AppError } from '../errors.ts';
import type { Ctx, SignedInCtx } from '../http.ts';
import { maskEmail } from '../privacy/masking.ts';
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

/**
 * Verifies the account the token was issued for, whoever is signed in here (the token is the proof:
 * single use, its hash bound to one account). Nobody is signed in or out by it. The answer names the
 * account only as a masked address, and says whether it is the one signed in in this browser.
 */
export async function verifyEmail(ctx: Ctx, token: string) {
  return ctx.db.transaction(async (tx) => {
    const userId = await consumeToken(tx, token, 'verify_email');
    if (!userId) throw new AppError('invalid_token', 400);
    const [verified] = await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`, updatedAt: new Date() })
      .where(and(eq(users.id, userId), isNull(users.deletedAt)))
      .returning({ email: users.email });
    // A deleted account's link verifies nothing.
    if (!verified?.email) throw new AppError('invalid_token', 400);
    const session = !ctx.actor.signedIn ? 'none' : ctx.actor.userId === userId ? 'same' : 'other';
    return { ok: true as const, email: maskEmail(verified.email), session } as const;
  });
}

export async function resendVerification(ctx: SignedInCtx, linkBase: string): Promise<void> {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.actor.userId));
  await sendVerification(ctx, user, linkBase);
}
