import { sql } from 'drizzle-orm';
import { forOrg } from '../../../platform/db/tenant.ts';
import type { WorkQueue } from '../../../platform/staff/work-queues.ts';
import { bookingProgramSessions } from './tables.ts';

/** Sessions older than this no longer wait for a roll call on the staff home. */
const ROLL_WINDOW_DAYS = 30;

// The staff home's view of sessions held in the last 30 days with people holding a seat and no roll
// called yet, oldest first; it opens the staff programs page.
export const rollCallQueue: WorkQueue = {
  kind: 'booking.roll_call',
  labelKey: 'staff.queue.booking.roll_call',
  link: '/booking/staff/programs',
  action: 'booking.programs.manage',
  state: async (db, { organizationId }) => {
    const now = new Date();
    const since = new Date(now.getTime() - ROLL_WINDOW_DAYS * 86_400_000);
    const s = bookingProgramSessions;
    const [row] = await db
      .select({
        count: sql<number>`count(*)::int`,
        oldest: sql<string | null>`to_json(min(${s.endsAt})) #>> '{}'`,
      })
      .from(s)
      .where(
        forOrg(
          s,
          organizationId,
          sql`${s.endsAt} <= ${now.toISOString()}::timestamptz and ${s.endsAt} > ${since.toISOString()}::timestamptz`,
          sql`exists (select 1 from booking_registrations r where r.program_id = ${s.programId} and r.status = 'confirmed')`,
          sql`not exists (select 1 from booking_attendance a where a.session_id = ${s.id})`,
        ),
      );
    return { count: Number(row?.count ?? 0), oldestCreatedAt: row?.oldest ? new Date(row.oldest) : null };
  },
};
