import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { PolicyIdParams } from '../../../../../contracts/youth-policies.ts';
import { linkBase } from '../../../../platform/auth/link-base.ts';
import {
  type AllDayEvent,
  CALENDAR_CONTENT_TYPE,
  calendarAttachment,
  calendarFile,
} from '../../../../platform/calendar/file.ts';
import type { DbOrTx } from '../../../../platform/db/connect.ts';
import { forOrg } from '../../../../platform/db/tenant.ts';
import { AppError } from '../../../../platform/errors.ts';
import { routes } from '../../../../platform/http.ts';
import { todayInSeoul } from '../../../../platform/time/index.ts';
import { youthPolicies, youthPolicyRounds } from '../tables.ts';

// Application deadlines as calendar events: one all-day event on the last day of each round that
// has not ended yet (the current round and any later ones; past rounds are no use in a calendar).
// The download ("add to my calendar") and the person's feed (platform/calendar, through
// alerts/calendar-feed.ts) give the same events with the same UIDs. The platform writes the file.

export interface CalendarRound {
  startsOn: string;
  endsOn: string;
}

export interface DeadlinePolicy {
  id: string;
  title: string;
  /** The policy's last change: the events' DTSTAMP, so the same policy gives the same file. */
  updatedAt: Date;
}

const basicDate = (isoDate: string) => isoDate.replaceAll('-', '');

/** One all-day event per round, on its last day; `base` is the site's origin. */
export function deadlineEvents(
  p: DeadlinePolicy,
  rounds: readonly CalendarRound[],
  base: string,
): AllDayEvent[] {
  const url = `${base}/youth/policies/${p.id}`;
  const host = new URL(base).host || 'hamkke';
  return rounds.map((r) => ({
    // Stable per policy and round, so fetching again updates the event instead of adding one.
    uid: `youth-${p.id}-${basicDate(r.startsOn)}-${basicDate(r.endsOn)}@${host}`,
    allDay: true,
    start: r.endsOn,
    summary: `[마감] ${p.title}`,
    description: `신청 기간 ${r.startsOn} ~ ${r.endsOn}\n${url}`,
    url,
    updatedAt: p.updatedAt,
  }));
}

/**
 * The deadline events of those of the policies that are published and take applications by dates,
 * in the organization; unknown ids are passed over.
 */
export async function policyDeadlineEvents(
  db: DbOrTx,
  organizationId: string,
  policyIds: readonly string[],
  base: string,
  today = todayInSeoul(),
): Promise<AllDayEvent[]> {
  if (policyIds.length === 0) return [];
  const policies = await db
    .select({ id: youthPolicies.id, title: youthPolicies.title, updatedAt: youthPolicies.updatedAt })
    .from(youthPolicies)
    .where(
      forOrg(
        youthPolicies,
        organizationId,
        inArray(youthPolicies.id, [...policyIds]),
        eq(youthPolicies.status, 'published'),
        // Always-open and closed policies have no deadline, whatever rounds they kept.
        eq(youthPolicies.applyPeriodKind, 'dates'),
      ),
    )
    .orderBy(asc(youthPolicies.title), asc(youthPolicies.id));
  if (policies.length === 0) return [];
  const rounds = await db
    .select({
      policyId: youthPolicyRounds.policyId,
      startsOn: youthPolicyRounds.startsOn,
      endsOn: youthPolicyRounds.endsOn,
    })
    .from(youthPolicyRounds)
    .where(
      and(
        inArray(
          youthPolicyRounds.policyId,
          policies.map((p) => p.id),
        ),
        gte(youthPolicyRounds.endsOn, today),
      ),
    )
    .orderBy(asc(youthPolicyRounds.endsOn), asc(youthPolicyRounds.startsOn));
  return policies.flatMap((p) =>
    deadlineEvents(
      p,
      rounds.filter((r) => r.policyId === p.id),
      base,
    ),
  );
}

/** Whether the policy is published here at all (a 404 otherwise, even for staff). */
async function isPublished(db: DbOrTx, organizationId: string, id: string): Promise<boolean> {
  const [p] = await db
    .select({ status: youthPolicies.status })
    .from(youthPolicies)
    .where(forOrg(youthPolicies, organizationId, eq(youthPolicies.id, id)));
  return p?.status === 'published';
}

export const calendarRoutes = routes((app) => {
  app.get(
    '/api/v1/youth/policies/:id/deadline.ics',
    {
      config: { access: 'public' },
      schema: {
        tags: ['youth'],
        params: PolicyIdParams,
        response: { 200: z.string().describe('text/calendar (RFC 5545)') },
      },
    },
    async (req, reply) => {
      const { db, organizationId } = req.ctx;
      const id = req.params.id;
      if (!(await isPublished(db, organizationId, id))) throw new AppError('not_found', 404);
      const events = await policyDeadlineEvents(db, organizationId, [id], await linkBase(req));
      if (events.length === 0) throw new AppError('youth_no_deadline', 404);
      reply
        .type(CALENDAR_CONTENT_TYPE)
        .header('content-disposition', calendarAttachment(`policy-deadline-${id.slice(0, 8)}`))
        .header('cache-control', 'no-cache');
      return calendarFile({ events });
    },
  );
});
