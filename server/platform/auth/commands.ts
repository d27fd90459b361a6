import { eq } from 'drizzle-orm';
import { AppError } from '../errors.ts';
import type { Ctx } from '../http.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { createSession, deleteSession } from './sessions.ts';
import { memberships, type User, users } from './tables.ts';
import { checkPasswordThrottled, clearLoginFailures } from './throttle.ts';
import { sendVerification } from './verification.ts';

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export async function findUserByEmail(ctx: Pick<Ctx, 'db'>, email: string): Promise<User | null> {
  const [row] = await ctx.db
    .select()
    .from(users)
    .where(eq(users.emailNormalized, normalizeEmail(email)));
  return row && !row.deletedAt ? row : null;
}

export type LoginOutcome =
  | { kind: 'signed-in'; token: string; csrfToken: string; expiresAt: Date; user: User }
  | { kind: 'two-factor'; token: string; expiresAt: Date };

/**
 * Checks email and password; the same failure whether or not the account exists. Throttled per
 * email and per IP, counted before the password is even checked. The email's failures are cleared
 * only by a complete sign-in: here when there is no second step, else when the code is right.
 * An unverified account with the right password is refused (403) and sent a fresh link
 * (at most one every ten minutes) to `linkBase`.
 */
export async function login(
  ctx: Ctx,
  input: { email: string; password: string },
  opts: { linkBase?: string } = {},
): Promise<LoginOutcome> {
  const emailNormalized = normalizeEmail(input.email);
  const user = await findUserByEmail(ctx, input.email);
  const ok = await checkPasswordThrottled(ctx.db, emailNormalized, ctx.ip, () =>
    verifyPassword(user?.passwordHash ?? null, input.password),
  );
  if (!user || !ok) throw new AppError('invalid_credentials', 401);
  if (!user.totpEnabledAt) await clearLoginFailures(ctx.db, emailNormalized);
  if (!user.emailVerifiedAt) {
    if (opts.linkBase) await sendVerification(ctx, user, opts.linkBase, 10 * 60_000);
    throw new AppError('email_not_verified', 403);
  }
  const twoFactor = Boolean(user.totpEnabledAt);
  const session = await createSession(ctx.db, {
    userId: user.id,
    organizationId: ctx.organizationId,
    days: twoFactor ? 1 / 288 : ctx.config.HAMKKE_SESSION_DAYS, // a pending second factor lives 5 minutes
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    twoFactorPending: twoFactor,
  });
  if (twoFactor) return { kind: 'two-factor', token: session.token, expiresAt: session.expiresAt };
  return { kind: 'signed-in', ...session, user };
}

export async function logout(ctx: Ctx, token: string | null): Promise<void> {
  if (token) await deleteSession(ctx.db, token);
}

export { hashPassword };

/** Creates a verified account with roles in one organization (CLI, demo and tests; not the sign-up flow). */
export async function createVerifiedUser(
  db: Ctx['db'],
  input: {
    email: string;
    password: string;
    displayName?: string;
    organizationId: string;
    roles: string[];
    locale?: 'ko' | 'en';
  },
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email.trim(),
        emailNormalized: normalizeEmail(input.email),
        passwordHash,
        displayName: input.displayName ?? input.email.split('@')[0],
        locale: input.locale ?? 'ko',
        emailVerifiedAt: new Date(),
      })
      .returning();
    if (input.roles.length > 0) {
      await tx
        .insert(memberships)
        .values(input.roles.map((role) => ({ organizationId: input.organizationId, userId: user.id, role })));
    }
    return user;
  });
}
