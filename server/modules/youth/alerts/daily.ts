import { sql } from 'drizzle-orm';
import type { Config } from '../../../config.ts';
import { type Db, queryRows } from '../../../platform/db/connect.ts';
import { defineJob, type Jobs } from '../../../platform/jobs/boss.ts';
import { addDays, todayInSeoul } from '../../../platform/time/index.ts';
import { fanOut, policyFollowers } from './fanout.ts';

export const DAILY_ALERTS_JOB = 'youth.alerts.daily';

/**
 * Followers of a published policy hear when one of its rounds opens today and three days before
 * one closes (D-3): per organization, one fan-out for the day's openings and one for the closings,
 * so a person following five policies that open today gets one notification listing them. The
 * round's date is part of each alert's key, so running the job twice on a day (a retry, two
 * workers) adds nothing.
 */
export async function runDailyAlerts(
  db: Db,
  deps: { config: Config; jobs?: Pick<Jobs, 'send'> },
  today: string = todayInSeoul(),
): Promise<{ alerts: number }> {
  const closing = addDays(today, 3);
  const rounds = await queryRows<{
    organization_id: string;
    kind: string;
    policies: string[];
    days: string[];
  }>(
    db,
    sql`select organization_id, kind, array_agg(policy_id::text order by policy_id) as policies,
          array_agg(day order by policy_id) as days
        from (
          select y.organization_id, y.id as policy_id, 'application_opening' as kind, r.starts_on::text as day
            from youth_policy_rounds r join youth_policies y on y.id = r.policy_id
            where y.status = 'published' and r.starts_on = ${today}::date
          union
          select y.organization_id, y.id, 'closing_soon', r.ends_on::text
            from youth_policy_rounds r join youth_policies y on y.id = r.policy_id
            where y.status = 'published' and r.ends_on = ${closing}::date) d
        group by organization_id, kind`,
  );
  let alerts = 0;
  for (const r of rounds) {
    const kind = r.kind === 'application_opening' ? 'application_opening' : 'closing_soon';
    const result = await db.transaction((tx) =>
      fanOut(tx, deps, {
        organizationId: r.organization_id,
        group: kind === 'application_opening' ? 'opening' : 'closing',
        policies: r.policies.map((id, i) => ({ id, concerns: r.days[i] })),
        candidates: policyFollowers(r.organization_id, r.policies, kind),
        on: today,
      }),
    );
    alerts += result.alerts;
  }
  return { alerts };
}

// 00:05 in Korea (15:05 UTC the day before).
export const dailyAlertsJob = defineJob(
  DAILY_ALERTS_JOB,
  async (_data, env) => {
    await runDailyAlerts(env.db, { config: env.config, jobs: env.jobs });
  },
  { cron: '5 15 * * *' },
);
