import { sql } from 'drizzle-orm';
import type { Config } from '../../../config.ts';
import { type Db, queryRows } from '../../../platform/db/connect.ts';
import { defineJob, type Jobs } from '../../../platform/jobs/boss.ts';
import { addDays, todayInSeoul } from '../../../platform/time/index.ts';
import { fanOut, policyFollowers } from './fanout.ts';

export const DAILY_ALERTS_JOB = 'youth.alerts.daily';

/**
 * Followers of a published policy hear when one of its rounds opens today and three days before
 * one closes (D-3). The round's date is part of the alert's key, so running the job twice on a
 * day (a retry, two workers) adds nothing.
 */
export async function runDailyAlerts(
  db: Db,
  deps: { config: Config; jobs?: Pick<Jobs, 'send'> },
  today: string = todayInSeoul(),
): Promise<{ alerts: number }> {
  const closing = addDays(today, 3);
  const rounds = await queryRows<{ organization_id: string; policy_id: string; kind: string; day: string }>(
    db,
    sql`select y.organization_id, y.id as policy_id, 'application_opening' as kind, r.starts_on::text as day
          from youth_policy_rounds r join youth_policies y on y.id = r.policy_id
          where y.status = 'published' and r.starts_on = ${today}::date
        union
        select y.organization_id, y.id, 'closing_soon', r.ends_on::text
          from youth_policy_rounds r join youth_policies y on y.id = r.policy_id
          where y.status = 'published' and r.ends_on = ${closing}::date`,
  );
  let alerts = 0;
  for (const r of rounds) {
    const kind = r.kind === 'application_opening' ? 'application_opening' : 'closing_soon';
    const result = await db.transaction((tx) =>
      fanOut(tx, deps, {
        organizationId: r.organization_id,
        policyId: r.policy_id,
        concerns: r.day,
        candidates: policyFollowers(r.organization_id, r.policy_id, kind),
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
