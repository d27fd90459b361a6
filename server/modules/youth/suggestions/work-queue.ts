import { eq, min, sql } from 'drizzle-orm';
import { forOrg } from '../../../platform/db/tenant.ts';
import type { WorkQueue } from '../../../platform/staff/work-queues.ts';
import { youthSuggestions } from './tables.ts';

// The staff home's view of suggestions: the ones received and not yet taken up for review.
export const suggestionQueue: WorkQueue = {
  kind: 'youth.suggestions',
  labelKey: 'staff.queue.youth.suggestions',
  link: '/youth/suggestions/manage',
  action: 'youth.suggestions.manage',
  state: async (db, { organizationId }) => {
    const [row] = await db
      .select({ count: sql<number>`count(*)::int`, oldest: min(youthSuggestions.createdAt) })
      .from(youthSuggestions)
      .where(forOrg(youthSuggestions, organizationId, eq(youthSuggestions.status, 'received')));
    return { count: Number(row?.count ?? 0), oldestCreatedAt: row?.oldest ? new Date(row.oldest) : null };
  },
};
