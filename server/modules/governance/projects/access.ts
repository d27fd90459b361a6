import { and, eq } from 'drizzle-orm';
import type { MemberRole } from '../../../../contracts/governance-projects.ts';
import { isStaff } from '../../../platform/access/actor.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { SignedInCtx } from '../../../platform/http.ts';
import { governanceGroupMembers, governanceProjects } from './tables.ts';

export interface GroupAccess {
  role: MemberRole | null;
  staff: boolean;
  /** Chair, secretary or staff: records meetings, tasks and reports. */
  canRecord: boolean;
}

/**
 * The reader's place in the project's working group. Everyone who is neither a member nor staff
 * gets the same 404 as for a project that does not exist: the space and its drafts are private.
 */
export async function groupAccess(db: DbOrTx, ctx: SignedInCtx, projectId: string): Promise<GroupAccess> {
  const [row] = await db
    .select({ id: governanceProjects.id, role: governanceGroupMembers.role })
    .from(governanceProjects)
    .leftJoin(
      governanceGroupMembers,
      and(
        eq(governanceGroupMembers.projectId, governanceProjects.id),
        eq(governanceGroupMembers.userId, ctx.actor.userId),
      ),
    )
    .where(forOrg(governanceProjects, ctx, eq(governanceProjects.id, projectId)));
  const staff = isStaff(ctx.actor);
  if (!row || (!row.role && !staff)) throw new AppError('governance_group_not_found', 404);
  const role = (row.role as MemberRole | null) ?? null;
  return { role, staff, canRecord: staff || role === 'chair' || role === 'secretary' };
}

/** Chair, secretary or staff; a plain member who can see the space is told why (403). */
export async function recorderAccess(db: DbOrTx, ctx: SignedInCtx, projectId: string) {
  const access = await groupAccess(db, ctx, projectId);
  if (!access.canRecord) throw new AppError('governance_group_role_required', 403);
  return access;
}
