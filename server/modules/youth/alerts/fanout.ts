import { type SQL, sql } from 'drizzle-orm';
import type { Config } from '../../../config.ts';
import { type DbOrTx, queryRows } from '../../../platform/db/connect.ts';
import type { Jobs } from '../../../platform/jobs/boss.ts';
import { DISPATCH_JOB } from '../../../platform/notify/index.ts';
import { todayInSeoul } from '../../../platform/time/index.ts';
import type { PolicyEligibility } from '../eligibility/index.ts';
import { eligibilityPredicate } from './eligibility-sql.ts';
import { ALERT_DEFAULTS, ALERT_KINDS, ALERT_TITLES, type AlertKind } from './kinds.ts';

// The alert fan-out, set-based: one statement chooses the people, applies their channel choices,
// inserts the alerts (unique key: a repeat inserts nothing), their in-app notifications and, for
// those who chose email, push or SMS and consented to it, outbox rows of those types — however
// many people. Quiet hours, the daily digest and unsubscribe links are the dispatcher's part.
//
// In-app notifications are written directly (not through one outbox row each, which the
// dispatcher would deliver one transaction at a time); their outbox_id is drawn from the outbox's
// own sequence so it stays unique among all notifications.

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

const titlesValues = sql.join(
  ALERT_KINDS.map((k) => sql`(${k}, ${ALERT_TITLES[k].ko}, ${ALERT_TITLES[k].en})`),
  sql`, `,
);

const siteUrlOf = (config: Config) =>
  (config.HAMKKE_PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');

export async function fanOut(
  tx: DbOrTx,
  deps: { config: Config; jobs?: Pick<Jobs, 'send'> },
  f: FanOut,
): Promise<FanOutResult> {
  const link = `/youth/policies/${f.policyId}`;
  const [r] = await queryRows<{
    alerts: number;
    in_app: number;
    emails: number;
    pushes: number;
    texts: number;
  }>(
    tx,
    sql`with pol as (select id, title from youth_policies where id = ${f.policyId} and organization_id = ${f.organizationId}),
      titles (kind, title_ko, title_en) as (values ${titlesValues}),
      cand as (
        select distinct on (c.user_id) c.user_id, c.kind from (${f.candidates}) c order by c.user_id, c.prio
      ),
      pref as (
        select c.user_id, c.kind, u.email as address, u.email_verified_at, u.locale,
          coalesce(np.in_app, ${ALERT_DEFAULTS.inApp}) as in_app,
          coalesce(np.email, ${ALERT_DEFAULTS.email}) as email,
          coalesce(np.push, false) as push,
          coalesce(np.sms, false) as sms
        from cand c
        join users u on u.id = c.user_id and u.deleted_at is null
        left join notification_preferences np on np.user_id = c.user_id and np.kind = 'youth.' || c.kind
      ),
      chan as (
        select p.user_id, p.kind, p.address,
          case when p.locale = 'en' then 'en' else 'ko' end as locale,
          p.in_app,
          p.email and p.address is not null and p.email_verified_at is not null and p.consented as email,
          p.push and p.consented
            and exists (select 1 from push_subscriptions ps where ps.user_id = p.user_id) as push,
          p.sms and p.consented
            and exists (select 1 from notification_settings ns where ns.user_id = p.user_id and ns.mobile_number is not null) as sms
        from (select pref.*,
                -- Email, push and SMS of alerts need the optional 'notifications' consent; asked only of those who chose one.
                (pref.email or pref.push or pref.sms) and coalesce((select r.granted from consent_records r
                  where r.user_id = pref.user_id and r.purpose = 'notifications'
                  order by r.recorded_at desc limit 1), false) as consented
              from pref) p
      ),
      ins as (
        insert into youth_alerts (organization_id, user_id, policy_id, kind, concerns)
        select ${f.organizationId}, ch.user_id, pol.id, ch.kind, ${f.concerns}
        from chan ch, pol where ch.in_app or ch.email or ch.push or ch.sms
        on conflict do nothing
        returning user_id
      ),
      sent as (
        select ch.*, t.title_ko, t.title_en, pol.title as policy_title
        from ins join chan ch on ch.user_id = ins.user_id join titles t on t.kind = ch.kind, pol
      ),
      n as (
        insert into notifications (organization_id, user_id, outbox_id, kind, title_ko, title_en, body_ko, body_en, link)
        select ${f.organizationId}, s.user_id, nextval(pg_get_serial_sequence('outbox', 'id')), 'youth.' || s.kind,
          s.title_ko, s.title_en, s.policy_title, s.policy_title, ${link}
        from sent s where s.in_app
        returning 1
      ),
      e as (
        insert into outbox (organization_id, user_id, type, kind, payload)
        select ${f.organizationId}, s.user_id, 'email', 'youth.' || s.kind,
          jsonb_build_object('to', s.address, 'locale', s.locale,
            'subject', case when s.locale = 'en' then s.title_en else s.title_ko end,
            'text', s.policy_title || E'\n\n' || ${siteUrlOf(deps.config) + link})
        from sent s where s.email
        returning 1
      ),
      -- Push and SMS rows: the dispatcher sends them, holding them past the person's quiet hours.
      ps as (
        insert into outbox (organization_id, user_id, type, kind, payload)
        select ${f.organizationId}, s.user_id, 'push', 'youth.' || s.kind,
          jsonb_build_object('title', jsonb_build_object('ko', s.title_ko, 'en', s.title_en),
            'body', jsonb_build_object('ko', s.policy_title, 'en', s.policy_title),
            'link', ${link}::text, 'kind', 'youth.' || s.kind)
        from sent s where s.push
        returning 1
      ),
      sm as (
        insert into outbox (organization_id, user_id, type, kind, payload)
        select ${f.organizationId}, s.user_id, 'sms', 'youth.' || s.kind,
          jsonb_build_object('title', jsonb_build_object('ko', s.title_ko, 'en', s.title_en),
            'link', ${link}::text, 'kind', 'youth.' || s.kind)
        from sent s where s.sms
        returning 1
      )
      select (select count(*) from ins)::int as alerts, (select count(*) from n)::int as in_app,
             (select count(*) from e)::int as emails, (select count(*) from ps)::int as pushes,
             (select count(*) from sm)::int as texts`,
  );
  if (r.emails + r.pushes + r.texts > 0 && deps.jobs) await deps.jobs.send(DISPATCH_JOB, {}, { tx });
  return { alerts: r.alerts, inApp: r.in_app, emails: r.emails, pushes: r.pushes, texts: r.texts };
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
