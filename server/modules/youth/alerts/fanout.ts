import { type SQL, sql } from 'drizzle-orm';
import { ALERT_KINDS, type AlertKind } from '../../../../contracts/youth-alerts.ts';
import type { Config } from '../../../config.ts';
import { type DbOrTx, queryRows } from '../../../platform/db/connect.ts';
import { textArray } from '../../../platform/eligibility/index.ts';
import type { Jobs } from '../../../platform/jobs/boss.ts';
import { notifyAudience } from '../../../platform/notify/index.ts';
import { todayInSeoul } from '../../../platform/time/index.ts';
import type { PolicyEligibility } from '../eligibility/index.ts';
import { eligibilityPredicate } from './eligibility-sql.ts';
import {
  ALERT_GATHER_SECONDS,
  ALERT_GROUP_TITLES,
  ALERT_KIND_PREFIX,
  ALERT_LIST_LINK,
  ALERT_TITLES,
  type AlertGroup,
  notificationKindOf,
} from './kinds.ts';

// The alert fan-out: the alerts' audience (fitting profiles, followers) is chosen here; the platform
// applies channel choices and consent and writes the notifications (notifyAudience), one per person
// and group however many policies — and joins a group's unread notification of the same day.
// youth_alerts is the once-only record: its unique key makes a repeat alert no one.

export interface FanOutResult {
  /** Alerts recorded: one per person and policy. */
  alerts: number;
  inApp: number;
  emails: number;
  /** Push and SMS rows queued (optional so callers summing results may leave them out). */
  pushes?: number;
  texts?: number;
}

const NONE: FanOutResult = { alerts: 0, inApp: 0, emails: 0, pushes: 0, texts: 0 };

interface FanOut {
  organizationId: string;
  group: AlertGroup;
  /** The policies, each with what its alert concerns: '' once per policy, a revision, an import key, a round's date. */
  policies: ReadonlyArray<{ id: string; concerns: string }>;
  /** Rows (user_id uuid, kind text, prio int, policy_id uuid); per person and policy the lowest prio wins. */
  candidates: SQL;
  /** The day the group belongs to (Korean date); today when not given. */
  on?: string;
}

const TITLES = Object.fromEntries(ALERT_KINDS.map((k) => [notificationKindOf(k), ALERT_TITLES[k]]));

export async function fanOut(
  tx: DbOrTx,
  deps: { config: Config; jobs?: Pick<Jobs, 'send'> },
  f: FanOut,
): Promise<FanOutResult> {
  if (f.policies.length === 0) return { ...NONE };
  const titled = await queryRows<{ id: string; title: string }>(
    tx,
    sql`select id, title from youth_policies
        where id = any(${uuidArray(f.policies.map((p) => p.id))}) and organization_id = ${f.organizationId}`,
  );
  const concerns = sql`(values ${sql.join(
    f.policies.map((p) => sql`(${p.id}::uuid, ${p.concerns}::text)`),
    sql`, `,
  )}) v(policy_id, concerns)`;
  const r = await notifyAudience(tx, deps, {
    organizationId: f.organizationId,
    audience: sql`select c.user_id, ${ALERT_KIND_PREFIX} || c.kind as kind, c.prio, c.policy_id::text as item
      from (${f.candidates}) c`,
    items: titled.map((p) => ({
      item: p.id,
      title: { ko: p.title, en: p.title },
      link: `/youth/policies/${p.id}`,
    })),
    titles: TITLES,
    group: {
      key: `youth.alerts.${f.group}:${f.on ?? todayInSeoul()}`,
      title: ALERT_GROUP_TITLES[f.group],
      link: ALERT_LIST_LINK,
    },
    gatherSeconds: ALERT_GATHER_SECONDS,
    dedupe: (chosen) => sql`
      insert into youth_alerts (organization_id, user_id, policy_id, kind, concerns)
      select ${f.organizationId}, c.user_id, v.policy_id, substr(c.kind, ${ALERT_KIND_PREFIX.length + 1}), v.concerns
      from ${chosen} c join ${concerns} on v.policy_id = c.item::uuid
      on conflict do nothing
      returning user_id, policy_id::text as item`,
  });
  return { alerts: r.recorded, inApp: r.inApp, emails: r.emails, pushes: r.pushes, texts: r.texts };
}

const kindSql = (kind: AlertKind, prio: number) => sql`${kind}::text as kind, ${prio}::int as prio`;
const uuidArray = (ids: readonly string[]) => sql`${textArray([...ids])}::uuid[]`;

interface PolicyRow {
  id: string;
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

async function eligibilitiesOf(tx: DbOrTx, organizationId: string, policyIds: readonly string[]) {
  const rows = await queryRows<PolicyRow>(
    tx,
    sql`select id, min_age, max_age, region_codes, employment_codes, education_codes, major_codes,
          special_group_codes, marital_codes, income_condition, income_min, income_max, income_other
        from youth_policies where id = any(${uuidArray(policyIds)}) and organization_id = ${organizationId}`,
  );
  return rows.map((r) => ({
    id: r.id,
    eligibility: {
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
    } satisfies PolicyEligibility,
  }));
}

/** Profiles of the organization that fit the policy on the date (see eligibility-sql.ts). */
export const fittingProfiles = (organizationId: string, e: PolicyEligibility, on: string) =>
  sql`select p.user_id from youth_profiles p where p.organization_id = ${organizationId} and ${eligibilityPredicate(e, on)}`;

/**
 * Policies were published (a staff publish, or the new open policies of an import): people whose
 * profile fits one get 'new_fitting_policy'; people following the policy itself, one of its fields
 * or keywords, or a region it names get 'followed_match' (one alert per person and policy — fitting
 * wins). One notification per person for them all. A youth profile exists only while its consent
 * holds (the trigger of 0080 deletes it on withdrawal), so the profile join is the consent check.
 */
export async function alertPoliciesPublished(
  tx: DbOrTx,
  deps: { config: Config; jobs?: Pick<Jobs, 'send'> },
  organizationId: string,
  policyIds: readonly string[],
  on: string = todayInSeoul(),
): Promise<FanOutResult> {
  const policies = await eligibilitiesOf(tx, organizationId, policyIds);
  if (policies.length === 0) return { ...NONE };
  const fitting = policies.map(
    (p) =>
      sql`select f.user_id, ${kindSql('new_fitting_policy', 1)}, ${p.id}::uuid as policy_id
          from (${fittingProfiles(organizationId, p.eligibility, on)}) f`,
  );
  const ids = policies.map((p) => p.id);
  const followers = sql`
    select fo.user_id, ${kindSql('followed_match', 2)}, y.id as policy_id
    from youth_follows fo join youth_policies y on y.id = any(${uuidArray(ids)})
    where fo.organization_id = ${organizationId} and (
      (fo.target_kind = 'policy' and fo.target = y.id::text)
      or (fo.target_kind = 'field' and fo.target = any(y.fields))
      or (fo.target_kind = 'keyword' and fo.target = any(y.keywords))
      or (fo.target_kind = 'region' and fo.target = any(y.region_codes)))`;
  return fanOut(tx, deps, {
    organizationId,
    group: 'new',
    policies: ids.map((id) => ({ id, concerns: '' })),
    candidates: sql.join([...fitting, followers], sql` union all `),
    on,
  });
}

/** One published policy (a staff publish). */
export const alertPolicyPublished = (
  tx: DbOrTx,
  deps: { config: Config; jobs?: Pick<Jobs, 'send'> },
  organizationId: string,
  policyId: string,
  on: string = todayInSeoul(),
) => alertPoliciesPublished(tx, deps, organizationId, [policyId], on);

/** Followers of the policies themselves, for changes, openings and D-3. */
export function policyFollowers(organizationId: string, policyIds: readonly string[], kind: AlertKind) {
  return sql`select fo.user_id, ${kindSql(kind, 1)}, fo.target::uuid as policy_id from youth_follows fo
    where fo.organization_id = ${organizationId} and fo.target_kind = 'policy'
      and fo.target = any(${textArray([...policyIds])})`;
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
    group: 'changed',
    policies: [{ id: policyId, concerns: `revision:${rev?.revision ?? 0}` }],
    candidates: policyFollowers(organizationId, [policyId], 'followed_policy_changed'),
  });
}
