import { type SQL, sql } from 'drizzle-orm';
import { ALERT_KINDS, type AlertKind } from '../../../../contracts/youth-alerts.ts';
import type { Config } from '../../../config.ts';
import { type DbOrTx, queryRows } from '../../../platform/db/connect.ts';
import type { Jobs } from '../../../platform/jobs/boss.ts';
import { notifyAudience } from '../../../platform/notify/index.ts';
import { todayInSeoul } from '../../../platform/time/index.ts';
import type { PolicyEligibility } from '../eligibility/index.ts';
import { eligibilityPredicate } from './eligibility-sql.ts';
import { ALERT_KIND_PREFIX, ALERT_TITLES, notificationKindOf } from './kinds.ts';

// The alert fan-out: the alerts' audience (fitting profiles, followers) is chosen here; the platform
// applies channel choices and consent and writes the notifications (notifyAudience). youth_alerts
// is the once-only record: its unique key makes a repeat alert no one.

export interface FanOutResult {
  alerts: number;
  inApp: number;
  emails: number;
  /** Push and SMS rows queued (optional so callers summing results may leave them out). */
  pushes?: number;
  texts?: number;
}

interface FanOut {
  organizationId: string;
  policyId: string;
  /** '' for once per policy, else the revision or the round's date. */
  concerns: string;
  /** Rows (user_id uuid, kind text, prio int); for one person the lowest prio wins. */
  candidates: SQL;
}

const TITLES = Object.fromEntries(ALERT_KINDS.map((k) => [notificationKindOf(k), ALERT_TITLES[k]]));

export async function fanOut(
  tx: DbOrTx,
  deps: { config: Config; jobs?: Pick<Jobs, 'send'> },
  f: FanOut,
): Promise<FanOutResult> {
  const [policy] = await queryRows<{ title: string }>(
    tx,
    sql`select title from youth_policies where id = ${f.policyId} and organization_id = ${f.organizationId}`,
  );
  if (!policy) return { alerts: 0, inApp: 0, emails: 0, pushes: 0, texts: 0 };
  const r = await notifyAudience(tx, deps, {
    organizationId: f.organizationId,
    audience: sql`select c.user_id, ${ALERT_KIND_PREFIX} || c.kind as kind, c.prio from (${f.candidates}) c`,
    titles: TITLES,
    body: { ko: policy.title, en: policy.title },
    link: `/youth/policies/${f.policyId}`,
    dedupe: (chosen) => sql`
      insert into youth_alerts (organization_id, user_id, policy_id, kind, concerns)
      select ${f.organizationId}, c.user_id, ${f.policyId}, substr(c.kind, ${ALERT_KIND_PREFIX.length + 1}), ${f.concerns}
      from ${chosen} c
      on conflict do nothing
      returning user_id`,
  });
  return { alerts: r.recorded, inApp: r.inApp, emails: r.emails, pushes: r.pushes, texts: r.texts };
}

const kindSql = (kind: AlertKind, prio: number) => sql`${kind}::text as kind, ${prio}::int as prio`;

interface PolicyRow {
  min_age: number;
  max_age: number;
  region_codes: string[];
  employment_codes: string[];
  education_codes: string[];
  major_codes: string[];
  special_group_codes: string[];
  marital_codes: string[];
  income_condition: string | null;
  income_min: number;
  income_max: number;
  income_other: string | null;
}

async function eligibilityOf(tx: DbOrTx, organizationId: string, policyId: string) {
  const [r] = await queryRows<PolicyRow>(
    tx,
    sql`select min_age, max_age, region_codes, employment_codes, education_codes, major_codes,
          special_group_codes, marital_codes, income_condition, income_min, income_max, income_other
        from youth_policies where id = ${policyId} and organization_id = ${organizationId}`,
  );
  if (!r) return null;
  const e: PolicyEligibility = {
    minAge: r.min_age,
    maxAge: r.max_age,
    regionCodes: r.region_codes,
    employmentCodes: r.employment_codes,
    educationCodes: r.education_codes,
    majorCodes: r.major_codes,
    specialGroupCodes: r.special_group_codes,
    maritalCodes: r.marital_codes,
    incomeConditionCode: r.income_condition,
    incomeMin: r.income_min,
    incomeMax: r.income_max,
    incomeOther: r.income_other,
  };
  return e;
}

/** Profiles of the organization that fit the policy on the date (see eligibility-sql.ts). */
export const fittingProfiles = (organizationId: string, e: PolicyEligibility, on: string) =>
  sql`select p.user_id from youth_profiles p where p.organization_id = ${organizationId} and ${eligibilityPredicate(e, on)}`;

/**
 * A policy was published: people whose profile fits it get 'new_fitting_policy'; people following
 * the policy itself, one of its fields or keywords, or a region it names get 'followed_match'
 * (one alert each — fitting wins). A youth profile exists only while its consent holds (the
 * trigger of 0080 deletes it on withdrawal), so the profile join is the consent check.
 */
export async function alertPolicyPublished(
  tx: DbOrTx,
  deps: { config: Config; jobs?: Pick<Jobs, 'send'> },
  organizationId: string,
  policyId: string,
  on: string = todayInSeoul(),
): Promise<FanOutResult> {
  const e = await eligibilityOf(tx, organizationId, policyId);
  if (!e) return { alerts: 0, inApp: 0, emails: 0, pushes: 0, texts: 0 };
  const candidates = sql`
    select f.user_id, ${kindSql('new_fitting_policy', 1)} from (${fittingProfiles(organizationId, e, on)}) f
    union all
    select fo.user_id, ${kindSql('followed_match', 2)}
    from youth_follows fo join youth_policies y on y.id = ${policyId}
    where fo.organization_id = ${organizationId} and (
      (fo.target_kind = 'policy' and fo.target = y.id::text)
      or (fo.target_kind = 'field' and fo.target = any(y.fields))
      or (fo.target_kind = 'keyword' and fo.target = any(y.keywords))
      or (fo.target_kind = 'region' and fo.target = any(y.region_codes)))`;
  return fanOut(tx, deps, { organizationId, policyId, concerns: '', candidates });
}

/** Followers of one policy, for changes, openings and D-3. */
export function policyFollowers(organizationId: string, policyId: string, kind: AlertKind) {
  return sql`select fo.user_id, ${kindSql(kind, 1)} from youth_follows fo
    where fo.organization_id = ${organizationId} and fo.target_kind = 'policy' and fo.target = ${policyId}`;
}

/** A published policy was edited: its followers hear of it once per revision. */
export async function alertPolicyChanged(
  tx: DbOrTx,
  deps: { config: Config; jobs?: Pick<Jobs, 'send'> },
  organizationId: string,
  policyId: string,
): Promise<FanOutResult> {
  const [rev] = await queryRows<{ revision: number | null }>(
    tx,
    sql`select max(revision)::int as revision from youth_policy_revisions where policy_id = ${policyId}`,
  );
  return fanOut(tx, deps, {
    organizationId,
    policyId,
    concerns: `revision:${rev?.revision ?? 0}`,
    candidates: policyFollowers(organizationId, policyId, 'followed_policy_changed'),
  });
}
