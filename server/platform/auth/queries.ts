import { eq } from 'drizzle-orm';
import type { Ctx } from '../http.ts';
import { AppError } from '../errors.ts';
import { organizations } from '../tenants/tables.ts';
import { users } from './tables.ts';

export async function getMe(ctx: Ctx, csrfToken: string) {
  const actor = ctx.actor;
  if (!actor.userId) throw new AppError('unauthenticated', 401);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  const [org] = await ctx.db.select().from(organizations).where(eq(organizations.id, ctx.organizationId));
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale as 'ko' | 'en',
    emailVerified: Boolean(user.emailVerifiedAt),
    twoFactorEnabled: Boolean(user.totpEnabledAt),
    organization: { id: org.id, slug: org.slug, nameKo: org.nameKo, nameEn: org.nameEn },
    roles: [...actor.roles],
    csrfToken,
  };
}
