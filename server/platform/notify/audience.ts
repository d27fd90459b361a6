import { type SQL, sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import { type DbOrTx, queryRows } from '../db/connect.ts';
import type { Jobs } from '../jobs/boss.ts';
import { type GroupedText, type GroupWords, groupedText, KEPT_ITEMS, mergedGroup } from './grouped.ts';
import { type Localized, notificationKind } from './kinds.ts';
import { DISPATCH_JOB, isSitePath } from './outbox.ts';

// One message to a set of people, in one statement however many they are: the module names the
// people and the things it tells them about (subqueries), the platform applies each person's channel
// choices, the optional consent and verified addresses, and writes in-app notifications and outbox
// rows (email, push, SMS) for those who get it. Quiet hours, the daily digest and unsubscribe links
// are the dispatcher's part.
//
// Grouped: a person hears once per message however many things it names ("새로 맞는 정책 15건", with
// the list), and later news of the same group (the module's key: a kind of news and a day) joins a
// notification they have not read yet, and push, SMS and email copies still waiting in the outbox,
// instead of making new ones. Copies wait `gatherSeconds` for such news before going out, so an
// import written in several batches still makes one push.
//
// In-app notifications are written directly (not through one outbox row each, which the dispatcher
// would deliver one transaction at a time); their outbox_id is drawn from the outbox's own sequence
// so it stays unique among all notifications.

export interface AudienceMessage {
  organizationId: string;
  /**
   * Rows (user_id uuid, kind text, prio int, item text): who hears of which thing, under which
   * notification kind; for one person and thing the lowest prio wins, and the person's notification
   * takes the kind of their lowest prio. Every kind must be declared (defineNotificationKind) and titled below.
   */
  audience: SQL;
  /** The things the message is about, each with its site path (a few hundred at most: they travel as parameters). */
  items: ReadonlyArray<{ item: string; title: Localized; link: string }>;
  /** The title of each kind when a person hears of one thing (the body is then the thing's title). */
  titles: Readonly<Record<string, Localized>>;
  /** The group: its key (news with the same key joins an unread notification) and its words for several. */
  group: GroupWords & { key: string };
  /**
   * Makes the message once-only: given the chosen rows (a relation of user_id, kind, item), insert
   * the module's own record of who was told of what with ON CONFLICT DO NOTHING and RETURNING
   * user_id, item (text). Only what it returns is told, so a repeat (a retry, a second worker) tells
   * no one twice.
   */
  dedupe: (chosen: SQL) => SQL;
  /** Seconds push, SMS and email copies wait for more news of the group before going out (0: none). */
  gatherSeconds?: number;
}

export interface AudienceResult {
  /** Things newly told (rows the dedupe inserted: one per person and thing). */
  recorded: number;
  /** In-app notifications written or joined (one per person). */
  inApp: number;
  /** Email, push and SMS rows queued or joined (one per person each). */
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
  if (!isSitePath(m.group.link))
    throw new Error(`Group link must be a path inside the site: ${m.group.link}`);
  for (const i of m.items)
    if (!isSitePath(i.link)) throw new Error(`Item link must be a path inside the site: ${i.link}`);
  if (m.items.length === 0) return { recorded: 0, inApp: 0, emails: 0, pushes: 0, texts: 0 };
  const site = siteUrlOf(deps.config);
  const org = m.organizationId;
  const key = m.group.key;
  const gather = Math.max(0, Math.round(m.gatherSeconds ?? 0));
  const waitUntil = sql`now() + make_interval(secs => ${gather}::int)`;
  // The words of a new message (from msg w) …
  const fresh = groupedText(m.group, sql`w.n`, sql`w.items`, { ko: sql`w.one_ko`, en: sql`w.one_en` });
  // … of an unread notification that takes in the news (its old row is `notifications`) …
  const joined = groupedText(m.group, sql`g.count`, sql`g.items`, {
    ko: sql`notifications.title_ko`,
    en: sql`notifications.title_en`,
  });
  // A notification about one thing keeps it in its own columns (body, link), not in `items`: the
  // common case stores no list.
  const joinInApp = mergedGroup(
    {
      count: sql`notifications.item_count`,
      items: sql`(case when notifications.item_count = 1 then jsonb_build_array(jsonb_build_object(
          'title', jsonb_build_object('ko', notifications.body_ko, 'en', notifications.body_en),
          'link', notifications.link))
        else notifications.items end)`,
    },
    { count: sql`w.n`, items: sql`w.items` },
  );
  // … and of a waiting outbox copy (x: its payload and the joined count and list).
  const waiting = groupedText(m.group, sql`x.count`, sql`x.items`, {
    ko: sql`coalesce(x.payload->'title'->>'ko', x.payload->>'subject')`,
    en: sql`coalesce(x.payload->'title'->>'en', x.payload->>'subject')`,
  });
  // Each person's rows per channel they get it on.
  const perChannel = sql`from sent s
    cross join lateral (values ('in_app', s.in_app), ('email', s.email), ('push', s.push), ('sms', s.sms)) c(channel, chosen)
    where c.chosen`;
  // About one thing (a staff publish), nothing to gather: no sort, no aggregate.
  const oneThing = sql`select s.user_id, c.channel, 1 as n, s.kind, s.one_ko, s.one_en, s.address, s.locale,
      jsonb_build_array(s.entry) as items ${perChannel}`;
  // About several: the input comes sorted (the lead first) and the aggregates keep its order; an
  // ORDER BY inside each aggregate would sort every person's group on its own (PostgreSQL 15).
  const severalThings = sql`select g.*, k.title_ko as one_ko, k.title_en as one_en from (
      select o.user_id, o.channel, count(*)::int as n, (array_agg(o.kind))[1] as kind,
        min(o.address) as address, min(o.locale) as locale,
        to_jsonb((array_agg(o.entry))[1:${sql.raw(String(KEPT_ITEMS))}]) as items
      from (select s.*, c.channel ${perChannel} order by s.user_id, c.channel, s.prio, s.sort_title) o
      group by o.user_id, o.channel) g
    join kinds k on k.kind = g.kind`;
  const localized = (t: GroupedText, part: 'title' | 'body') =>
    sql`jsonb_build_object('ko', ${t[part]('ko')}, 'en', ${t[part]('en')})`;
  const groupFields = (count: SQL, items: SQL) =>
    sql`'group', ${key}::text, 'count', ${count}, 'items', ${items}`;

  // The group's first message (of this organization) has no notifications to join: it only inserts.
  // Asked in a statement of its own, so a message waiting here on a concurrent first one sees what
  // that one wrote once it commits.
  const first = await queryRows(
    tx,
    sql`insert into notification_groups (organization_id, group_key) values (${org}, ${key})
        on conflict do nothing returning 1`,
  );
  const mayJoin = first.length === 0;
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
      items (item, title_ko, title_en, link) as (values ${sql.join(
        m.items.map((i) => sql`(${i.item}::text, ${i.title.ko}::text, ${i.title.en}::text, ${i.link}::text)`),
        sql`, `,
      )}),
      cand as (
        select distinct on (c.user_id, c.item) c.user_id, c.kind, c.item::text as item, c.prio
        from (${m.audience}) c order by c.user_id, c.item, c.prio
      ),
      pref as (
        select c.user_id, c.kind, c.item, c.prio, i.title_ko as item_ko, i.title_en as item_en, i.link as item_link,
          k.title_ko as one_ko, k.title_en as one_en, u.email as address, u.email_verified_at, u.locale, k.email_needs_consent,
          coalesce(np.in_app, k.d_in_app) as in_app,
          coalesce(np.email, k.d_email) as email,
          coalesce(np.push, k.d_push) as push,
          coalesce(np.sms, k.d_sms) as sms
        from cand c
        join kinds k on k.kind = c.kind
        join items i on i.item = c.item
        join users u on u.id = c.user_id and u.deleted_at is null
        left join notification_preferences np on np.user_id = c.user_id and np.kind = c.kind
      ),
      -- Once per person, and only of those who chose another channel than in-app: the optional
      -- 'notifications' consent, a push subscription, a mobile number.
      asked as (
        select q.user_id,
          coalesce((select r.granted from consent_records r
            where r.user_id = q.user_id and r.purpose = 'notifications'
            order by r.recorded_at desc limit 1), false) as consented,
          exists (select 1 from push_subscriptions ps where ps.user_id = q.user_id) as has_push,
          exists (select 1 from notification_settings ns where ns.user_id = q.user_id and ns.mobile_number is not null) as has_mobile
        from (select distinct user_id from pref where email or push or sms) q
      ),
      chan as (
        select p.user_id, p.kind, p.item, p.prio, p.item_ko, p.item_en, p.item_link, p.one_ko, p.one_en, p.address,
          case when p.locale = 'en' then 'en' else 'ko' end as locale,
          p.in_app,
          p.email and p.address is not null and p.email_verified_at is not null
            and (coalesce(a.consented, false) or not p.email_needs_consent) as email,
          p.push and coalesce(a.consented and a.has_push, false) as push,
          p.sms and coalesce(a.consented and a.has_mobile, false) as sms
        from pref p left join asked a on a.user_id = p.user_id
      ),
      chosen as (select user_id, kind, item from chan where in_app or email or push or sms),
      ins as (${m.dedupe(sql`chosen`)}),
      -- What the dedupe let through, by a hashed membership test rather than a join: the planner
      -- cannot know how many rows the insert returns, and a nested loop over two large sets is
      -- quadratic (measured: 4,000 people took 13 s). OFFSET 0 keeps the test where it is.
      sent as (
        select s.user_id, s.kind, s.prio, s.one_ko, s.one_en, s.address, s.locale, s.in_app, s.email, s.push, s.sms,
          s.item_ko as sort_title,
          jsonb_build_object('title', jsonb_build_object('ko', s.item_ko, 'en', s.item_en), 'link', s.item_link) as entry
        from (select ch.*, (ch.user_id, ch.item) in (select ins.user_id, ins.item from ins) as told from chan ch offset 0) s
        where s.told
      ),
      -- Per person and channel: how many things, the kind that leads (its title for one thing),
      -- the first of the list.
      msg as (${m.items.length === 1 ? oneThing : severalThings}),
      -- The people's unread notifications of this group (none to look for on the group's first message).
      found as (
        select n.id, n.user_id from notifications n
        where ${mayJoin}::boolean and n.organization_id = ${org} and n.read_at is null and n.group_key = ${key}::text
          and n.user_id in (select user_id from msg where channel = 'in_app')
      ),
      -- They take in the news (an UPDATE recomputes from the row as it is when it gets its lock).
      upd as (
        update notifications set (item_count, items, title_ko, title_en, body_ko, body_en, link, created_at) = (
          select g.count, g.items, ${joined.title('ko')}, ${joined.title('en')}, ${joined.body('ko')},
            ${joined.body('en')}, ${joined.link},
            case when g.count > notifications.item_count then now() else notifications.created_at end
          from (${joinInApp}) g)
        from msg w
        where notifications.id in (select id from found) and w.user_id = notifications.user_id and w.channel = 'in_app'
        returning 1
      ),
      n as (
        insert into notifications (organization_id, user_id, outbox_id, kind, title_ko, title_en,
          body_ko, body_en, link, group_key, item_count, items)
        select ${org}, w.user_id, nextval((select pg_get_serial_sequence('outbox', 'id')::regclass)), w.kind,
          ${fresh.title('ko')}, ${fresh.title('en')}, ${fresh.body('ko')}, ${fresh.body('en')}, ${fresh.link},
          ${key}, w.n, case when w.n = 1 then '[]'::jsonb else w.items end
        from msg w where w.channel = 'in_app' and not exists (select 1 from found f where f.user_id = w.user_id)
        returning 1
      ),
      -- Copies of this group still waiting in the outbox (held for gathering or quiet hours), locked
      -- so that a dispatcher does not take one while the news joins it.
      pend as (
        select o.id, o.user_id, o.type, o.payload from outbox o
        where ${mayJoin}::boolean and o.user_id in (select user_id from msg where channel <> 'in_app')
          and o.organization_id = ${org} and o.type in ('email', 'push', 'sms') and o.payload->>'group' = ${key}::text
          and o.dispatched_at is null and o.failed_at is null and (o.claimed_until is null or o.claimed_until < now())
        for update of o
      ),
      x as (
        select p.id, p.type, p.payload, g.count, g.items, g.count > (p.payload->>'count')::int as grew
        from pend p join msg on msg.user_id = p.user_id and msg.channel = p.type
        cross join lateral (${mergedGroup(
          { count: sql`(p.payload->>'count')::int`, items: sql`(p.payload->'items')` },
          { count: sql`msg.n`, items: sql`msg.items` },
        )}) g
      ),
      joined as (
        update outbox o set next_attempt_at = greatest(o.next_attempt_at, ${waitUntil}),
          payload = case when not x.grew then o.payload
            when x.type = 'email' then jsonb_build_object('to', x.payload->'to', 'locale', x.payload->'locale',
              'subject', ${waiting.emailSubject(sql`x.payload->>'locale'`)},
              'text', ${waiting.emailText(sql`x.payload->>'locale'`, site)}, ${groupFields(sql`x.count`, sql`x.items`)})
            when x.type = 'push' then jsonb_build_object('title', ${localized(waiting, 'title')},
              'body', ${localized(waiting, 'body')}, 'link', ${waiting.link}, 'kind', x.payload->'kind',
              ${groupFields(sql`x.count`, sql`x.items`)})
            else jsonb_build_object('title', ${localized(waiting, 'title')}, 'link', ${waiting.link},
              'kind', x.payload->'kind', ${groupFields(sql`x.count`, sql`x.items`)}) end
        from x where o.id = x.id
        returning o.type
      ),
      unjoined as (select w.* from msg w where w.channel <> 'in_app'
        and not exists (select 1 from pend p where p.user_id = w.user_id and p.type = w.channel)),
      e as (
        insert into outbox (organization_id, user_id, type, kind, payload, next_attempt_at)
        select ${org}, w.user_id, 'email', w.kind,
          jsonb_build_object('to', w.address, 'locale', w.locale, 'subject', ${fresh.emailSubject(sql`w.locale`)},
            'text', ${fresh.emailText(sql`w.locale`, site)}, ${groupFields(sql`w.n`, sql`w.items`)}),
          ${waitUntil}
        from unjoined w where w.channel = 'email'
        returning 1
      ),
      -- Push and SMS rows: the dispatcher sends them, holding them past the person's quiet hours.
      ps as (
        insert into outbox (organization_id, user_id, type, kind, payload, next_attempt_at)
        select ${org}, w.user_id, 'push', w.kind,
          jsonb_build_object('title', ${localized(fresh, 'title')}, 'body', ${localized(fresh, 'body')},
            'link', ${fresh.link}, 'kind', w.kind, ${groupFields(sql`w.n`, sql`w.items`)}),
          ${waitUntil}
        from unjoined w where w.channel = 'push'
        returning 1
      ),
      sm as (
        insert into outbox (organization_id, user_id, type, kind, payload, next_attempt_at)
        select ${org}, w.user_id, 'sms', w.kind,
          jsonb_build_object('title', ${localized(fresh, 'title')}, 'link', ${fresh.link}, 'kind', w.kind,
            ${groupFields(sql`w.n`, sql`w.items`)}),
          ${waitUntil}
        from unjoined w where w.channel = 'sms'
        returning 1
      )
      select (select count(*) from ins)::int as recorded,
             ((select count(*) from n) + (select count(*) from upd))::int as in_app,
             ((select count(*) from e) + (select count(*) from joined where type = 'email'))::int as emails,
             ((select count(*) from ps) + (select count(*) from joined where type = 'push'))::int as pushes,
             ((select count(*) from sm) + (select count(*) from joined where type = 'sms'))::int as texts`,
  );
  if (r.emails + r.pushes + r.texts > 0 && deps.jobs) {
    // Gathered copies are due after the wait: a dispatch then (the minute sweep would also find them).
    const startAfter = gather > 0 ? new Date(Date.now() + (gather + 1) * 1000) : undefined;
    await deps.jobs.send(DISPATCH_JOB, {}, { tx, startAfter });
  }
  return { recorded: r.recorded, inApp: r.in_app, emails: r.emails, pushes: r.pushes, texts: r.texts };
}
