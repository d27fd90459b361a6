import { and, eq, gt, sql } from 'drizzle-orm';
import { AppError } from '../errors.ts';
import type { Ctx } from '../http.ts';
import { outbox } from '../notify/tables.ts';
import { recordSignupConsents } from '../privacy/consents.ts';
import { PRIVACY_PURPOSES } from '../privacy/notices.ts';
import { queueAccountEmail } from './account-emails.ts';
import { hashPassword, normalizeEmail } from './commands.ts';
import { memberships, users } from './tables.ts';
import { issueToken } from './tokens.ts';
import { verifyLink } from './verification.ts';

export interface SignupInput {
  email: string;
  password: string;
  displayName: string;
  locale?: 'ko' | 'en';
  consents: Record<string, boolean | undefined>;
}

/**
 * Creates an unverified resident account with its consents and a verification email, in one
 * transaction. A known email answers exactly the same; its owner gets a notice instead.
 */
export async function signUp(ctx: Ctx, input: SignupInput, linkBase: string): Promise<void> {
  const choices = Object.fromEntries(
    Object.entries(input.consents).filter((e): e is [string, boolean] => e[1] !== undefined),
  );
  // Refuse missing required consents the same way for new and known emails.
  const missing = PRIVACY_PURPOSES.filter((p) => p.required && choices[p.purpose] !== true);
  if (missing.length > 0) {
    throw new AppError(
      'consent_required',
      400,
      {},
      missing.map((p) => ({ field: `body.consents.${p.purpose}`, code: 'required' })),
    );
  }
  const emailNormalized = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password); // hashed either way, so both answers take as long
  await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        email: input.email.trim(),
        emailNormalized,
        passwordHash,
        displayName: input.displayName,
        locale: input.locale ?? ctx.locale,
      })
      .onConflictDoNothing({ target: users.emailNormalized })
      .returning();
    if (created) {
      await tx
        .insert(memberships)
        .values({ organizationId: ctx.organizationId, userId: created.id, role: 'resident' });
      await recordSignupConsents(tx, created.id, choices, ctx.ip);
      const token = await issueToken(tx, created.id, 'verify_email');
      await queueAccountEmail(tx, ctx.jobs, 'verify', created, verifyLink(linkBase, token));
      return;
    }
    const [owner] = await tx.select().from(users).where(eq(users.emailNormalized, emailNormalized));
    if (!owner || owner.deletedAt) return;
    // At most one notice an hour: repeated attempts must not flood the owner's inbox.
    const [recent] = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          eq(outbox.userId, owner.id),
          eq(outbox.kind, 'account.signup_attempt'),
          gt(outbox.createdAt, sql`now() - interval '1 hour'`),
        ),
      )
      .limit(1);
    if (recent) return;
    // Filed under the owner's organization, whichever site the attempt came through.
    await queueAccountEmail(tx, ctx.jobs, 'signup_attempt', owner, `${linkBase}/login`);
  });
}
