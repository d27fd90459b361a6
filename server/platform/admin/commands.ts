import { eq } from 'drizzle-orm';
import type { Role } from '../access/actor.ts';
import { writeAudit } from '../audit/write.ts';
import { memberships, users } from '../auth/tables.ts';
import { forOrg } from '../db/tenant.ts';
import { AppError } from '../errors.ts';
import type { SignedInCtx } from '../http.ts';
import { forgetOrganizations } from '../tenants/queries.ts';
import { organizations } from '../tenants/tables.ts';
import { organizationSettings, rolesIn } from './queries.ts';

// Role changes apply on the person's next request: sessions read roles from memberships each time.
export async function grantRole(ctx: SignedInCtx, userId: string, role: Role): Promise<Role[]> {
  return ctx.db.transaction(async (tx) => {
    const before = await rolesIn(tx, ctx.organizationId, userId);
    if (before.length === 0) throw new AppError('not_found', 404);
    const added = await tx
      .insert(memberships)
      .values({ organizationId: ctx.organizationId, userId, role, grantedBy: ctx.actor.userId })
      .onConflictDoNothing()
      .returning({ role: memberships.role });
    if (added.length > 0)
      await writeAudit(tx, ctx, {
        action: 'role.grant',
        targetType: 'user',
        targetId: userId,
        data: { role },
      });
    return rolesIn(tx, ctx.organizationId, userId);
  });
}

export async function revokeRole(ctx: SignedInCtx, userId: string, role: Role): Promise<Role[]> {
  if (userId === ctx.actor.userId && role === 'admin') throw new AppError('cannot_remove_own_admin', 409);
  return ctx.db.transaction(async (tx) => {
    const before = await rolesIn(tx, ctx.organizationId, userId);
    if (before.length === 0) throw new AppError('not_found', 404);
    const removed = await tx
      .delete(memberships)
      .where(
        forOrg(memberships, ctx.organizationId, eq(memberships.userId, userId), eq(memberships.role, role)),
      )
      .returning({ role: memberships.role });
    if (removed.length > 0)
      await writeAudit(tx, ctx, {
        action: 'role.revoke',
        targetType: 'user',
        targetId: userId,
        data: { role },
      });
    return rolesIn(tx, ctx.organizationId, userId);
  });
}

export async function updateOrganization(
  ctx: SignedInCtx,
  patch: { nameKo?: string; nameEn?: string; requireStaffTwoFactor?: boolean },
) {
  return ctx.db.transaction(async (tx) => {
    const before = await organizationSettings(tx, ctx.organizationId);
    const changed = Object.fromEntries(
      Object.entries(patch).filter(([k, v]) => v !== undefined && before[k as keyof typeof before] !== v),
    ) as typeof patch;
    if (Object.keys(changed).length === 0) return before;
    if (changed.requireStaffTwoFactor === true) {
      // Turning it on withholds staff rights from anyone without two-factor, the admin included.
      const [me] = await tx
        .select({ totpEnabledAt: users.totpEnabledAt })
        .from(users)
        .where(eq(users.id, ctx.actor.userId));
      if (!me?.totpEnabledAt) throw new AppError('two_factor_needed_before_requiring', 409);
    }
    await tx.update(organizations).set(changed).where(eq(organizations.id, ctx.organizationId));
    await forgetOrganizations(ctx.db, tx); // every process reads the new settings once this commits
    const from = Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof typeof before]]));
    await writeAudit(tx, ctx, {
      action: 'organization.update',
      targetType: 'organization',
      targetId: ctx.organizationId,
      data: { from, to: changed },
    });
    return { ...before, ...changed };
  });
}
