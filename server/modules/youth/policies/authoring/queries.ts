import { count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { StaffPolicyList, StaffPolicyListQuery } from '../../../../contracts/youth-staff.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { routes } from '../../../platform/http.ts';
import { youthPolicies } from './tables.ts';

// Staff: every policy of the organization in any workflow state, most recently changed first.
const tags = ['youth'];
const manage = { action: 'youth.policies.manage' };

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

export const staffPolicyRoutes = routes((app) => {
  app.get(
    '/api/v1/youth/staff/policies',
    {
      config: { access: manage },
      schema: { tags, querystring: StaffPolicyListQuery, response: { 200: StaffPolicyList } },
    },
    async (req) => listStaffPolicies(req.ctx.db, req.ctx.organizationId, req.query),
  );
});
