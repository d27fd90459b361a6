import { eq, min, sql } from 'drizzle-orm';
import { forOrg } from '../../../platform/db/tenant.ts';
import type { WorkQueue } from '../../../platform/staff/work-queues.ts';
import { governanceStatements } from './tables.ts';

// The staff home's view of statements waiting for moderation, oldest first (reviewed within a working day).
export const statementQueue: WorkQueue = {
  kind: 'governance.statements',
  labelKey: 'staff.queue.governance.statements',
  link: '/governance/staff/statements',
  action: 'governance.statements.moderate',
  targetWorkingDays: 1,
  state: async (db, { organizationId, overdueBefore }) => {
    const [row] = await db
      .select({
        count: sql<number>`count(*)::int`,
        oldest: min(governanceStatements.createdAt),
        overdue: sql<number>`(count(*) filter (where ${governanceStatements.createdAt} < ${(overdueBefore ?? new Date(0)).toISOString()}::timestamptz))::int`,
      })
      .from(governanceStatements)
      .where(
        forOrg(governanceStatements, organizationId, eq(governanceStatements.moderation, 'unmoderated')),
      );
    return {
      count: Number(row?.count ?? 0),
      oldestCreatedAt: row?.oldest ? new Date(row.oldest) : null,
      overdueCount: Number(row?.overdue ?? 0),
    };
  },
};
