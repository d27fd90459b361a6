import { count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { StaffPolicyList, StaffPolicyListQuery } from '../../../../../contracts/youth-staff.ts';
import type { DbOrTx } from '../../../../platform/db/connect.ts';
import { forOrg } from '../../../../platform/db/tenant.ts';
import { AppError } from '../../../../platform/errors.ts';
import type { Ctx } from '../../../../platform/http.ts';
import { youthPolicies, youthPolicyRevisions } from '../tables.ts';

// What staff read while authoring: every policy in any workflow state, and a policy's revisions.

/** Every policy of the organization in any workflow state, most recently changed first. */
export async function listStaffPolicies(
  db: DbOrTx,
  organizationId: string,
  query: StaffPolicyListQuery,
): Promise<StaffPolicyList> {
  const where: SQL[] = [];
  if (query.status) where.push(eq(youthPolicies.status, query.status));
  // strpos, not LIKE: the staff's words are matched as they are, with no wildcards of their own.
  if (query.q) where.push(sql`strpos(lower(${youthPolicies.title}), lower(${query.q})) > 0`);
  const filter = forOrg(youthPolicies, organizationId, ...where);
  const [{ total }] = await db.select({ total: count() }).from(youthPolicies).where(filter);
  const rows = await db
    .select({
      id: youthPolicies.id,
      externalId: youthPolicies.externalId,
      source: youthPolicies.source,
      workflowStatus: youthPolicies.status,
      title: youthPolicies.title,
      fieldMajor: youthPolicies.fieldMajor,
      operator: youthPolicies.operator,
      updatedAt: youthPolicies.updatedAt,
    })
    .from(youthPolicies)
    .where(filter)
    .orderBy(desc(youthPolicies.updatedAt), youthPolicies.id)
    .limit(query.limit)
    .offset((query.page - 1) * query.limit);
  return {
    items: rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() })),
    total: Number(total),
    page: query.page,
    limit: query.limit,
  };
}

/** A policy's revisions, newest first; 404 when the organization has no such policy. */
export async function listRevisions(ctx: Ctx, id: string) {
  const [exists] = await ctx.db
    .select({ id: youthPolicies.id })
    .from(youthPolicies)
    .where(forOrg(youthPolicies, ctx.organizationId, eq(youthPolicies.id, id)));
  if (!exists) throw new AppError('not_found', 404);
  const rows = await ctx.db
    .select()
    .from(youthPolicyRevisions)
    .where(forOrg(youthPolicyRevisions, ctx, eq(youthPolicyRevisions.policyId, id)))
    .orderBy(desc(youthPolicyRevisions.revision));
  return {
    items: rows.map((r) => ({
      revision: r.revision,
      change: r.change,
      actorUserId: r.actorUserId,
      createdAt: r.createdAt.toISOString(),
      snapshot: r.snapshot as Record<string, unknown>,
    })),
  };
}
