import { eq, min, sql } from 'drizzle-orm';
import { forOrg } from '../../platform/db/tenant.ts';
import type { WorkQueue } from '../../platform/staff/work-queues.ts';
import { bookingBookings } from './tables.ts';

// The staff home's view of bookings waiting for approval (resources that need it), oldest first.
export const approvalQueue: WorkQueue = {
  kind: 'booking.approvals',
  labelKey: 'staff.queue.booking.approvals',
  link: '/booking/staff',
  action: 'booking.manage',
  targetWorkingDays: 2,
  state: async (db, { organizationId, overdueBefore }) => {
    const [row] = await db
      .select({
        count: sql<number>`count(*)::int`,
        oldest: min(bookingBookings.createdAt),
        overdue: sql<number>`(count(*) filter (where ${bookingBookings.createdAt} < ${(overdueBefore ?? new Date(0)).toISOString()}::timestamptz))::int`,
      })
      .from(bookingBookings)
      .where(forOrg(bookingBookings, organizationId, eq(bookingBookings.status, 'requested')));
    return {
      count: Number(row?.count ?? 0),
      oldestCreatedAt: row?.oldest ? new Date(row.oldest) : null,
      overdueCount: Number(row?.overdue ?? 0),
    };
  },
};
