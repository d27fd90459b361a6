import { type SQL, sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import { type DbOrTx, queryRows } from '../db/connect.ts';
import type { Jobs } from '../jobs/boss.ts';
import { type Localized, notificationKind } from './kinds.ts';
import { DISPATCH_JOB } from './outbox.ts';

// One message to a set of people, in one statement however many they are: the module names the
// people (a subquery), the platform applies each person's channel choices, the optional consent
// and verified addresses, and writes in-app notifications and outbox rows (email, push, SMS) for
// those who get it. Quiet hours, the daily digest and unsubscribe links are the dispatcher's part.
//
// In-app notifications are written directly (not through one outbox row each, which the dispatcher
// would deliver one transaction at a time); their outbox_id is drawn from the outbox's own sequence
// so it stays unique among all notifications.

export interface AudienceMessage {
  organizationId: string;
  /**
   * Rows (user_id uuid, kind text, prio int): who hears, and under which notification kind; for one
   * person the lowest prio wins. Every kind must be declared (defineNotificationKind) and titled below.
   */
  audience: SQL;
  /** The title of each kind the audience uses. */
  titles: Readonly<Record<string, Localized>>;
  body: Localized;
  /** Site path the notification opens ('/youth/policies/…'). */
  link: string;
  /**
   * Makes the message once-only: given the chosen rows (a relation of user_id, kind), insert the
   * module's own record of who was told with ON CONFLICT DO NOTHING and RETURNING user_id. Only the
   * people it returns are notified, so a repeat (a retry, a second worker) tells no one twice.
   */
  dedupe: (chosen: SQL) => SQL;
}

export interface AudienceResult {
  /** People newly told (rows the dedupe inserted). */
  recorded: number;
  inApp: number;
  emails: number;
  pushes: number;
  texts: number;
}

const siteUrlOf = (config: Config) =>
  (config.HAMKKE_PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');

/** Per kind: its title, default channels and whether email needs the optional consent. */
function kindsValues(titles: AudienceMessage['titles']): SQL {
  const rows = Object.entries(titles).map(([kind, title]) => {
    const def = notificationKind(kind);
    if (!def) throw new Error(`Notification kind ${kind} is not declared`);
    return sql`(${kind}::text, ${title.ko}::text, ${title.en}::text, ${def.defaults.inApp}::boolean,
      ${def.defaults.email}::boolean, ${def.defaults.push ?? false}::boolean, ${def.defaults.sms ?? false}::boolean,
      ${def.emailNeedsConsent}::boolean)`;
  });
  return sql.join(rows, sql`, `);
}

export async function notifyAudience(
  tx: DbOrTx,
  deps: { config: Config; jobs?: Pick<Jobs, 'send'> },
  m: AudienceMessage,
): Promise<AudienceResult> {
  const url = siteUrlOf(deps.config) + m.link;
  const [r] = await queryRows<{
    recorded: number;
    in_app: number;
    emails: number;
    pushes: number;
    texts: number;
  }>(
    tx,
    sql`with kinds (kind, title_ko, title_en, d_in_app, d_email, d_push, d_sms, email_needs_consent) as (
        values ${kindsValues(m.titles)}
      ),
      cand as (
        select distinct on (c.user_id) c.user_id, c.kind from (${m.audience}) c order by c.user_id, c.prio
      ),
      pref as (
        select c.user_id, c.kind, u.email as address, u.email_verified_at, u.locale, k.email_needs_consent,
          coalesce(np.in_app, k.d_in_app) as in_app,
          coalesce(np.email, k.d_email) as email,
          coalesce(np.push, k.d_push) as push,
          coalesce(np.sms, k.d_sms) as sms
        from cand c
        join kinds k on k.kind = c.kind
        join users u on u.id = c.user_id and u.deleted_at is null
        left join notification_preferences np on np.user_id = c.user_id and np.kind = c.kind
      ),
      chan as (
        select p.user_id, p.kind, p.address,
          case when p.locale = 'en' then 'en' else 'ko' end as locale,
          p.in_app,
          p.email and p.address is not null and p.email_verified_at is not null
            and (p.consented or not p.email_needs_consent) as email,
          p.push and p.consented
            and exists (select 1 from push_subscriptions ps where ps.user_id = p.user_id) as push,
          p.sms and p.consented
            and exists (select 1 from notification_settings ns where ns.user_id = p.user_id and ns.mobile_number is not null) as sms
        from (select pref.*,
                -- The optional 'notifications' consent; asked only of those who chose another channel than in-app.
                (pref.email or pref.push or pref.sms) and coalesce((select r.granted from consent_records r
                  where r.user_id = pref.user_id and r.purpose = 'notifications'
                  order by r.recorded_at desc limit 1), false) as consented
              from pref) p
      ),
      chosen as (select user_id, kind from chan where in_app or email or push or sms),
      ins as (${m.dedupe(sql`chosen`)}),
      sent as (
        select ch.*, k.title_ko, k.title_en
        from ins join chan ch on ch.user_id = ins.user_id join kinds k on k.kind = ch.kind
      ),
      n as (
        insert into notifications (organization_id, user_id, outbox_id, kind, title_ko, title_en, body_ko, body_en, link)
        select ${m.organizationId}, s.user_id, nextval(pg_get_serial_sequence('outbox', 'id')), s.kind,
          s.title_ko, s.title_en, ${m.body.ko}, ${m.body.en}, ${m.link}
        from sent s where s.in_app
        returning 1
      ),
      e as (
        insert into outbox (organization_id, user_id, type, kind, payload)
        select ${m.organizationId}, s.user_id, 'email', s.kind,
          jsonb_build_object('to', s.address, 'locale', s.locale,
            'subject', case when s.locale = 'en' then s.title_en else s.title_ko end,
            'text', case when s.locale = 'en' then ${m.body.en}::text else ${m.body.ko}::text end || E'\\n\\n' || ${url}::text)
        from sent s where s.email
        returning 1
      ),
      -- Push and SMS rows: the dispatcher sends them, holding them past the person's quiet hours.
      ps as (
        insert into outbox (organization_id, user_id, type, kind, payload)
        select ${m.organizationId}, s.user_id, 'push', s.kind,
          jsonb_build_object('title', jsonb_build_object('ko', s.title_ko, 'en', s.title_en),
            'body', jsonb_build_object('ko', ${m.body.ko}::text, 'en', ${m.body.en}::text),
            'link', ${m.link}::text, 'kind', s.kind)
        from sent s where s.push
        returning 1
      ),
      sm as (
        insert into outbox (organization_id, user_id, type, kind, payload)
        select ${m.organizationId}, s.user_id, 'sms', s.kind,
          jsonb_build_object('title', jsonb_build_object('ko', s.title_ko, 'en', s.title_en),
            'link', ${m.link}::text, 'kind', s.kind)
        from sent s where s.sms
        returning 1
      )
      select (select count(*) from ins)::int as recorded, (select count(*) from n)::int as in_app,
             (select count(*) from e)::int as emails, (select count(*) from ps)::int as pushes,
             (select count(*) from sm)::int as texts`,
  );
  if (r.emails + r.pushes + r.texts > 0 && deps.jobs) await deps.jobs.send(DISPATCH_JOB, {}, { tx });
  return { recorded: r.recorded, inApp: r.in_app, emails: r.emails, pushes: r.pushes, texts: r.texts };
}
