import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../db/connect.ts';
import { addDays, startOfDayInSeoul } from '../time/index.ts';
import { type Localized, notificationKind, notificationKinds } from './kinds.ts';

// How many notifications of each kind went out on each channel, and how many were opened, for the
// staff's statistics. Counted from what was delivered (not from the outbox), so a retried send
// counts once. Opening is recorded for in-app (read) and Web Push (the service worker reports the
// click); not for email — we add no tracking pixels — nor for SMS.
export type StatsChannel = 'in_app' | 'email' | 'push' | 'sms';

export interface ChannelCounts {
  channel: StatsChannel;
  sent: number;
  /** null: the channel does not record opening. */
  opened: number | null;
}

export interface KindCounts extends ChannelCounts {
  kind: string;
  label: Localized;
}

export interface StatsRange {
  /** Days in Asia/Seoul, both included. */
  from?: string;
  to?: string;
}

interface CountRow {
  kind: string;
  sent: number;
  opened: number | null;
}

function within(column: SQL, range: StatsRange): SQL {
  const parts: SQL[] = [];
  if (range.from) parts.push(sql`${column} >= ${startOfDayInSeoul(range.from).toISOString()}::timestamptz`);
  if (range.to)
    parts.push(sql`${column} < ${startOfDayInSeoul(addDays(range.to, 1)).toISOString()}::timestamptz`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

const ofKind = (column: SQL, prefix: string) => sql`left(${column}, ${prefix.length}) = ${prefix}`;

// One query per channel table, each giving (kind, sent, opened).
const CHANNELS: Array<{
  channel: StatsChannel;
  tracksOpening: boolean;
  query: (organizationId: string, prefix: string, range: StatsRange) => SQL;
}> = [
  {
    channel: 'in_app',
    tracksOpening: true,
    query: (org, prefix, range) => sql`
      select n.kind, count(*)::int as sent, count(n.read_at)::int as opened
      from notifications n
      where n.organization_id = ${org} and ${ofKind(sql`n.kind`, prefix)}
        and ${within(sql`n.created_at`, range)}
      group by n.kind`,
  },
  {
    // Alert emails sent one by one (not those recorded unsent: no mail transport), plus alerts that went out inside a daily digest email that was sent.
    channel: 'email',
    tracksOpening: false,
    query: (org, prefix, range) => sql`
      select kind, count(*)::int as sent, null::int as opened from (
        select o.kind
        from email_messages e join outbox o on o.id = e.outbox_id
        where e.organization_id = ${org} and ${ofKind(sql`o.kind`, prefix)} and e.transport <> 'disabled'
          and ${within(sql`e.created_at`, range)}
        union all
        select d.kind
        from email_digest_items d join email_messages e on e.outbox_id = d.digest_outbox_id
        where d.organization_id = ${org} and ${ofKind(sql`d.kind`, prefix)} and e.transport <> 'disabled'
          and ${within(sql`e.created_at`, range)}
      ) sent
      group by kind`,
  },
  {
    // One alert pushed to several of a person's browsers counts once; opened when any was opened.
    channel: 'push',
    tracksOpening: true,
    query: (org, prefix, range) => sql`
      select p.kind, count(distinct p.outbox_id)::int as sent,
        count(distinct p.outbox_id) filter (where p.opened_at is not null)::int as opened
      from push_deliveries p
      where p.organization_id = ${org} and ${ofKind(sql`p.kind`, prefix)}
        and ${within(sql`p.sent_at`, range)}
      group by p.kind`,
  },
  {
    // SMS / 알림톡 providers report no opening.
    channel: 'sms',
    tracksOpening: false,
    query: (org, prefix, range) => sql`
      select m.kind, count(*)::int as sent, null::int as opened
      from sms_messages m
      where m.organization_id = ${org} and ${ofKind(sql`m.kind`, prefix)}
        and ${within(sql`m.created_at`, range)}
      group by m.kind`,
  },
];

/**
 * Counts per notification kind starting with `kindPrefix` (e.g. 'youth.') and channel, every
 * defined kind listed even when nothing was sent, plus totals per channel.
 */
export async function notificationStats(
  db: DbOrTx,
  organizationId: string,
  kindPrefix: string,
  range: StatsRange = {},
): Promise<{ rows: KindCounts[]; totals: ChannelCounts[] }> {
  const counted = new Map<string, CountRow>();
  for (const c of CHANNELS) {
    const rows = await queryRows<CountRow>(db, c.query(organizationId, kindPrefix, range));
    for (const r of rows) counted.set(`${r.kind}\u0000${c.channel}`, r);
  }
  const kinds = new Set(
    notificationKinds()
      .map((k) => k.kind)
      .filter((k) => k.startsWith(kindPrefix)),
  );
  // A kind no longer defined may still have history.
  for (const key of counted.keys()) kinds.add(key.split('\u0000')[0]);
  const rows: KindCounts[] = [];
  for (const kind of [...kinds].sort()) {
    const label = notificationKind(kind)?.label ?? { ko: kind, en: kind };
    for (const c of CHANNELS) {
      const r = counted.get(`${kind}\u0000${c.channel}`);
      const opened = c.tracksOpening ? Number(r?.opened ?? 0) : null;
      rows.push({ kind, label, channel: c.channel, sent: Number(r?.sent ?? 0), opened });
    }
  }
  const totals = CHANNELS.map(({ channel, tracksOpening }) => {
    const mine = rows.filter((r) => r.channel === channel);
    const opened = !tracksOpening ? null : mine.reduce((sum, r) => sum + (r.opened ?? 0), 0);
    return { channel, sent: mine.reduce((sum, r) => sum + r.sent, 0), opened };
  });
  return { rows, totals };
}
