import { and, eq } from 'drizzle-orm';
import type { SignedInCtx } from '../http.ts';
import { organizations } from '../tenants/tables.ts';
import { memberships, users } from './tables.ts';

export async function getMe(ctx: SignedInCtx, csrfToken: string) {
  const actor = ctx.actor;
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  const [org] = await ctx.db.select().from(organizations).where(eq(organizations.id, ctx.organizationId));
  const held = await ctx.db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, user.id), eq(memberships.organizationId, org.id)));
  const staffLike = held.some((m) => m.role === 'staff' || m.role === 'admin');
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale as 'ko' | 'en',
    emailVerified: Boolean(user.emailVerifiedAt),
    twoFactorEnabled: Boolean(user.totpEnabledAt),
    hasPassword: user.passwordHash !== null,
    twoFactorSetupRequired: org.requireStaffTwoFactor && staffLike && !user.totpEnabledAt,
    organization: { id: org.id, slug: org.slug, nameKo: org.nameKo, nameEn: org.nameEn },
    roles: [...actor.roles],
    csrfToken,
  };
}
