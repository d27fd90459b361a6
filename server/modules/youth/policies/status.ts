import { type SQL, sql } from 'drizzle-orm';

/** Today's date in Korea (YYYY-MM-DD): application periods are Korean calendar days. */
export const todayInSeoul = (now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(now);

export const CLOSING_SOON_DAYS = 7;

/**
 * For the policy aliased `p` on day `on`: the round running that day (its end is the deadline),
 * else the next round (upcoming), else the last one. `join` goes after `from youth_policies p`;
 * `columns` gives `apply_status` and `deadline`.
 */
export function applyStatus(on: string): { join: SQL; columns: SQL } {
  const day = sql`${on}::date`;
  return {
    join: sql`left join lateral (select
        (select min(r.ends_on) from youth_policy_rounds r where r.policy_id = p.id and r.starts_on <= ${day} and r.ends_on >= ${day}) as cur_end,
        (select r.ends_on from youth_policy_rounds r where r.policy_id = p.id and r.starts_on > ${day} order by r.starts_on limit 1) as next_end,
        (select max(r.ends_on) from youth_policy_rounds r where r.policy_id = p.id) as last_end
      ) st on true`,
    columns: sql`
      case
        when p.status = 'closed' or p.apply_period_kind = 'closed' then 'closed'
        when p.apply_period_kind = 'always' then 'always_open'
        when st.cur_end is not null then
          case when st.cur_end <= ${day} + ${sql.raw(String(CLOSING_SOON_DAYS))} then 'closing_soon' else 'open' end
        when st.next_end is not null then 'upcoming'
        else 'closed'
      end as apply_status,
      case when p.apply_period_kind = 'dates' then coalesce(st.cur_end, st.next_end, st.last_end) end as deadline`,
  };
}
