import { eq, min, sql } from 'drizzle-orm';
import { forOrg } from '../../platform/db/tenant.ts';
import type { WorkQueue } from '../../platform/staff/work-queues.ts';
import { bookingBookings, bookingSuspensions } from './tables.ts';

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

// Appeals against booking suspensions waiting for staff, oldest first (answered within 3 working days).
export const appealQueue: WorkQueue = {
  kind: 'booking.appeals',
  labelKey: 'staff.queue.booking.appeals',
  link: '/booking/staff/appeals',
  action: 'booking.manage',
  targetWorkingDays: 3,
  state: async (db, { organizationId, overdueBefore }) => {
    const [row] = await db
      .select({
        count: sql<number>`count(*)::int`,
        oldest: min(bookingSuspensions.appealedAt),
        overdue: sql<number>`(count(*) filter (where ${bookingSuspensions.appealedAt} < ${(overdueBefore ?? new Date(0)).toISOString()}::timestamptz))::int`,
      })
      .from(bookingSuspensions)
      .where(forOrg(bookingSuspensions, organizationId, eq(bookingSuspensions.appealStatus, 'pending')));
    return {
      count: Number(row?.count ?? 0),
      oldestCreatedAt: row?.oldest ? new Date(row.oldest) : null,
      overdueCount: Number(row?.overdue ?? 0),
    };
  },
};
