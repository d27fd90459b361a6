import { and, eq, ne, sql } from 'drizzle-orm';
import { writeAudit } from '../audit/write.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { memberships, sessions, users } from '../auth/tables.ts';
import { checkPasswordThrottled, throttleKeyOf } from '../auth/throttle.ts';
import { AppError } from '../errors.ts';
import type { SignedInCtx } from '../http.ts';
import { runAccountErasers } from './erase.ts';
import { exportPersonalData } from './export.ts';
import { purposeOf } from './notices.ts';
import { consentRecords } from './tables.ts';

export const DELETED_USER_NAME = '탈퇴한 사용자';

/** Grants or withdraws one purpose; every change is a new record against the current notice. */
export async function setConsent(ctx: SignedInCtx, purpose: string, granted: boolean): Promise<void> {
  const { userId } = ctx.actor;
  const notice = purposeOf(purpose);
  if (!notice) throw new AppError('not_found', 404);
  if (notice.required && !granted) throw new AppError('consent_required_cannot_withdraw', 409);
  await ctx.db.insert(consentRecords).values({
    userId,
    purpose,
    required: notice.required,
    noticeVersion: notice.version,
    granted,
    ip: ctx.ip?.slice(0, 64),
  });
}

export async function exportMyData(ctx: SignedInCtx) {
  const { userId } = ctx.actor;
  const exportedAt = new Date();
  const sections = await exportPersonalData(ctx.db, userId);
  return {
    format: 'hamkke-personal-data/1' as const,
    exportedAt: exportedAt.toISOString(),
    userId,
    sections,
  };
}

/**
 * Deletes the signed-in account: personal data erased, public contributions anonymised by the
 * modules' erasers, all in one transaction. The users row stays (without personal data) so
 * records that must be kept, like the access log, still point somewhere.
 */
export async function deleteAccount(
  ctx: SignedInCtx,
  input: { password?: string; confirm?: 'DELETE' },
): Promise<void> {
  const { userId } = ctx.actor;
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!user || user.deletedAt) throw new AppError('unauthenticated', 401); // deleted by a request running beside this one
  if (user.passwordHash) {
    if (input.password === undefined) {
      throw new AppError('validation_failed', 400, {}, [{ field: 'body.password', code: 'required' }]);
    }
    // Guesses here count toward the same per-account limit as sign-in.
    const { passwordHash } = user;
    const password = input.password;
    if (
      !(await checkPasswordThrottled(ctx.db, throttleKeyOf(user), ctx.ip, () =>
        verifyPassword(passwordHash, password),
      ))
    )
      throw new AppError('delete_password_incorrect', 403);
  } else if (input.confirm !== 'DELETE') {
    throw new AppError('validation_failed', 400, {}, [{ field: 'body.confirm', code: 'required' }]);
  }
  await ctx.db.transaction(async (tx) => {
    // An organization must keep an admin who can sign in; the last one hands over first.
    const adminOf = await tx
      .select({ organizationId: memberships.organizationId })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.role, 'admin')));
    for (const { organizationId } of adminOf) {
      const [other] = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(
          and(
            eq(memberships.organizationId, organizationId),
            eq(memberships.role, 'admin'),
            ne(memberships.userId, userId),
            sql`${users.deletedAt} is null`,
          ),
        )
        .limit(1);
      if (!other) throw new AppError('last_admin_cannot_delete', 409);
    }
    await runAccountErasers(tx, userId);
    await writeAudit(tx, ctx, { action: 'account.delete', targetType: 'user', targetId: userId });
    await tx
      .update(users)
      .set({
        email: null,
        emailNormalized: null,
        passwordHash: null,
        totpSecret: null,
        totpEnabledAt: null,
        displayName: DELETED_USER_NAME,
        deletedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx.delete(memberships).where(eq(memberships.userId, userId));
    await tx.delete(consentRecords).where(eq(consentRecords.userId, userId));
  });
}
