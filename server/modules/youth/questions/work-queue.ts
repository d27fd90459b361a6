import { isNull, min, sql } from 'drizzle-orm';
import { forOrg } from '../../../platform/db/tenant.ts';
import type { WorkQueue } from '../../../platform/staff/work-queues.ts';
import { youthQuestions } from './tables.ts';
import { OVERDUE_WORKING_DAYS } from './working-days.ts';

// The staff home's view of the inbox: unanswered questions, and when the oldest was asked.
export const questionQueue: WorkQueue = {
  kind: 'youth.questions',
  labelKey: 'staff.queue.youth.questions',
  link: '/youth/questions/inbox',
  action: 'youth.questions.answer',
  targetWorkingDays: OVERDUE_WORKING_DAYS,
  state: async (db, { organizationId, overdueBefore }) => {
    const [row] = await db
      .select({
        count: sql<number>`count(*)::int`,
        oldest: min(youthQuestions.createdAt),
        overdue: sql<number>`(count(*) filter (where ${youthQuestions.createdAt} < ${(overdueBefore ?? new Date(0)).toISOString()}::timestamptz))::int`,
      })
      .from(youthQuestions)
      .where(forOrg(youthQuestions, organizationId, isNull(youthQuestions.answeredAt)));
    return {
      count: Number(row?.count ?? 0),
      oldestCreatedAt: row?.oldest ? new Date(row.oldest) : null,
      overdueCount: Number(row?.overdue ?? 0),
    };
  },
};
