import { type SQL, sql } from 'drizzle-orm';
import type { ApplyStatus } from '../../../../contracts/youth-policies.ts';
import { addDays } from '../../../platform/time/index.ts';

export const CLOSING_SOON_DAYS = 7;

interface Round {
  startsOn: string;
  endsOn: string;
}

/**
 * The policy's copy of its rounds (migration 0110), written together with youth_policy_rounds:
 * sorted by start then end, without duplicates (the rounds table's key), and the last end.
 */
export function roundColumns(rounds: readonly Round[]) {
  // YYYY-MM-DD sorts as text, so 'start|end' keys sort by start then end (and drop duplicates).
  const byKey = new Map(rounds.map((r) => [`${r.startsOn}|${r.endsOn}`, r]));
  const sorted = [...byKey.keys()].sort().map((k) => byKey.get(k)!);
  return {
    roundStarts: sorted.map((r) => r.startsOn),
    roundEnds: sorted.map((r) => r.endsOn),
    roundLastEnd: sorted.reduce<string | null>((max, r) => (max && max >= r.endsOn ? max : r.endsOn), null),
  };
}

export interface StatusFacts {
  workflowStatus: string;
  applyPeriodKind: string;
  /** The round columns (roundColumns): sorted by start then end. */
  roundStarts: readonly string[];
  roundEnds: readonly string[];
}

/**
 * The same status and deadline as applyStatus's SQL, computed in process (the in-process catalogue
 * uses it; catalogue/search.test.ts checks the two agree). Days are YYYY-MM-DD, which sort as text.
 */
export function statusOn(p: StatusFacts, on: string, soon = addDays(on, CLOSING_SOON_DAYS)) {
  const { roundStarts: starts, roundEnds: ends } = p;
  let status: ApplyStatus;
  if (p.workflowStatus === 'closed' || p.applyPeriodKind !== 'dates')
    status = p.workflowStatus === 'closed' || p.applyPeriodKind === 'closed' ? 'closed' : 'always_open';
  else if (starts.length > 1) {
    let current: string | null = null;
    let later = false;
    for (let i = 0; i < starts.length; i++) {
      if (starts[i] <= on && ends[i] >= on && (current === null || ends[i] < current)) current = ends[i];
      if (starts[i] > on) later = true;
    }
    status = current !== null ? (current <= soon ? 'closing_soon' : 'open') : later ? 'upcoming' : 'closed';
  } else if (starts.length === 1 && starts[0] <= on && ends[0] >= on)
    status = ends[0] <= soon ? 'closing_soon' : 'open';
  else status = starts.length === 1 && starts[0] > on ? 'upcoming' : 'closed';

  let deadline: string | null = null;
  if (p.applyPeriodKind === 'dates') {
    if (starts.length > 1) {
      // The current round's end (the soonest), else the first later round's, else the last end.
      let current: string | null = null;
      let next: string | null = null;
      let last: string | null = null;
      for (let i = 0; i < starts.length; i++) {
        if (starts[i] <= on && ends[i] >= on && (current === null || ends[i] < current)) current = ends[i];
        if (starts[i] > on && next === null) next = ends[i];
        if (last === null || ends[i] > last) last = ends[i];
      }
      deadline = current ?? next ?? last;
    } else deadline = ends[0] ?? null;
  }
  return { status, deadline };
}

interface StatusSql {
  /** Nothing to join any more (the rounds are on the row); kept for callers written for the join. */
  join: SQL;
  columns: SQL;
  status: SQL;
  deadline: SQL;
  couldBe(status: ApplyStatus | 'open'): SQL;
}
const byDay = new Map<string, StatusSql>();

/**
 * For the policy aliased `p` on day `on`, from its round columns: the round running that day (its
 * end is the deadline), else the next round (upcoming), else the last one. Almost every policy has
 * at most one round, which takes a few comparisons; only several rounds unnest the arrays.
 * `columns` gives `apply_status` and `deadline`; `couldBe` is a filter that uses the
 * round_last_end index before the status itself is computed. The SQL is plain text with the day
 * written in (checked to be YYYY-MM-DD), built once per day: composing it from parameterised
 * pieces took a tenth of the list route's time.
 */
export function applyStatus(on: string): StatusSql {
  const known = byDay.get(on);
  if (known) return known;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(on)) throw new Error(`applyStatus: not a YYYY-MM-DD date: ${on}`);
  const day = `date '${on}'`;
  const soon = `(${day} + ${CLOSING_SOON_DAYS})`;
  const rounds = 'unnest(p.round_starts, p.round_ends) as r(s, e)';
  const status = `(case
      when p.status = 'closed' or p.apply_period_kind <> 'dates' then
        case when p.status = 'closed' or p.apply_period_kind = 'closed' then 'closed' else 'always_open' end
      when cardinality(p.round_starts) > 1 then (
        select case when f.cur_end is not null then
                      case when f.cur_end <= ${soon} then 'closing_soon' else 'open' end
                    when f.later then 'upcoming' else 'closed' end
          from (select min(r.e) filter (where r.s <= ${day} and r.e >= ${day}) as cur_end,
                       bool_or(r.s > ${day}) as later
                  from ${rounds}) f)
      when p.round_starts[1] <= ${day} and p.round_ends[1] >= ${day} then
        case when p.round_ends[1] <= ${soon} then 'closing_soon' else 'open' end
      when p.round_starts[1] > ${day} then 'upcoming'
      else 'closed'
    end)`;
  const deadline = `(case when p.apply_period_kind = 'dates' then
      case when cardinality(p.round_starts) > 1 then (
        select coalesce(min(r.e) filter (where r.s <= ${day} and r.e >= ${day}),
                        (array_agg(r.e order by r.s, r.e) filter (where r.s > ${day}))[1],
                        max(r.e))
          from ${rounds})
      else p.round_ends[1] end
    end)`;
  const notEnded = sql.raw(
    `p.status = 'published' and p.apply_period_kind = 'dates' and p.round_last_end >= ${day}`,
  );
  const made: StatusSql = {
    join: sql``,
    columns: sql.raw(`${status} as apply_status, ${deadline} as deadline`),
    status: sql.raw(status),
    deadline: sql.raw(deadline),
    couldBe: (s) => (s === 'open' || s === 'closing_soon' || s === 'upcoming' ? notEnded : sql`true`),
  };
  if (byDay.size > 8) byDay.clear();
  byDay.set(on, made);
  return made;
}
