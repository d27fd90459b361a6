import { eq } from 'drizzle-orm';
import type { CalendarFeedSource } from '../../../platform/calendar/feed-sources.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { policyDeadlineEvents } from '../policies/index.ts';
import { youthFollows } from './tables.ts';

// Youth's part of a person's calendar feed: the application deadlines of the policies they follow
// (follows of a field, keyword or region are interests, not dates, and stay out).
export const youthCalendarFeed: CalendarFeedSource = async (db, { organizationId, userId, linkBase }) => {
  const followed = await db
    .select({ target: youthFollows.target })
    .from(youthFollows)
    .where(
      forOrg(
        youthFollows,
        organizationId,
        eq(youthFollows.userId, userId),
        eq(youthFollows.targetKind, 'policy'),
      ),
    );
  return policyDeadlineEvents(
    db,
    organizationId,
    followed.map((f) => f.target),
    linkBase,
  );
};
