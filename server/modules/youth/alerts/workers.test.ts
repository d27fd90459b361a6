import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TEST_DATABASE_URL, TEST_SECRET_KEY } from '../../../../tests/helpers/engines.ts';
import { queryRows } from '../../../platform/db/connect.ts';

// "Alert dedup under two workers and a killed worker", with real processes. PostgreSQL only:
// PGlite is an embedded database that one process holds (its lockfile refuses a second), so two
// worker processes on one database exist only on PostgreSQL — as in production.
const CHILD = path.join(import.meta.dirname, 'workers-child.ts');
const PEOPLE = 150;
const POLICIES = 4;

interface Worker {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `node --import tsx` directly (not the tsx launcher, which would leave its own child alive on SIGKILL). */
function startWorker(url: string, day: string): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH, DATABASE_URL: url, ALERT_DAY: day, TEST_SECRET_KEY },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.runIf(TEST_DATABASE_URL)('youth alert workers as separate processes on PostgreSQL', () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp('postgres');
    url = t.database.url!;
    await t.database.db.execute(sql`insert into users (id, display_name, email, email_normalized, email_verified_at)
      select gen_random_uuid(), 'worker ' || i, 'w' || i || '@workers.example', 'w' || i || '@workers.example', now()
      from generate_series(1, ${PEOPLE}) i`);
  });
  afterAll(() => t?.close());

  /** POLICIES published policies whose rounds open on `day` and close 3 days later; everyone follows each. */
  async function policiesFor(day: string, tag: string): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      t.database.db,
      sql`insert into youth_policies (organization_id, source, status, title)
          select ${t.org.id}, 'local', 'published', ${tag} || ' ' || i from generate_series(1, ${POLICIES}) i
          returning id`,
    );
    const ids = rows.map((r) => r.id);
    for (const id of ids) {
      await t.database.db.execute(sql`insert into youth_policy_rounds (policy_id, starts_on, ends_on)
        values (${id}, ${day}::date, ${day}::date + 30), (${id}, ${day}::date - 30, ${day}::date + 3)`);
      await t.database.db.execute(sql`insert into youth_follows (organization_id, user_id, target_kind, target)
        select ${t.org.id}, id, 'policy', ${id} from users where email like '%@workers.example'`);
    }
    return ids;
  }

  /**
   * Alerts by their unique key, and the day's in-app notifications: one per person and group
   * (openings, D-3) listing the policies, so their items add up to the alerts.
   */
  async function tally(ids: string[], day: string) {
    const [a] = await queryRows<{ rows: number; keys: number }>(
      t.database.db,
      sql`select count(*)::int as rows,
            count(distinct (user_id, policy_id, kind, concerns))::int as keys
          from youth_alerts where policy_id in (${sql.join(
            ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
    );
    const [n] = await queryRows<{ total: number; items: number; worst: number | null }>(
      t.database.db,
      sql`select count(*)::int as total, coalesce(sum(item_count), 0)::int as items, max(per)::int as worst
          from (select item_count, count(*) over (partition by user_id, group_key) as per from notifications
                where group_key in (${`youth.alerts.opening:${day}`}, ${`youth.alerts.closing:${day}`})) g`,
    );
    return {
      alerts: a.rows,
      keys: a.keys,
      notifications: n.total,
      items: n.items,
      worstPerPersonGroup: n.worst,
    };
  }

  const expected = PEOPLE * POLICIES * 2; // opening and D-3 for each policy and follower

  it('two workers running the daily job at the same moment store each alert exactly once', async () => {
    const day = '2031-03-10';
    const ids = await policiesFor(day, '동시 실행');
    const workers = [startWorker(url, day), startWorker(url, day)];
    // Two processes loading the app on a busy 2-core machine: give them the time they take.
    await until('both workers ready', () => workers.every((w) => w.output().includes('ready')), 90_000);
    for (const w of workers) w.child.stdin?.write('go\n');
    const codes = await Promise.all(workers.map((w) => w.exited));
    expect(codes, workers.map((w) => w.output()).join('\n')).toEqual([0, 0]);
    const counted = workers.map((w) => JSON.parse(w.output().trim().split('\n').at(-1)!).alerts as number);
    expect(counted[0] + counted[1]).toBe(expected);
    expect(await tally(ids, day)).toEqual({
      alerts: expected,
      keys: expected,
      notifications: PEOPLE * 2,
      items: expected,
      worstPerPersonGroup: 1,
    });
  }, 240_000);

  it('a worker killed inside its transaction leaves nothing half-done; the next run completes each alert once', async () => {
    const day = '2031-04-10';
    const ids = await policiesFor(day, '중단 후 재실행');
    const [blocked] = ids;
    // Another session holds a conflicting alert uncommitted, so the worker stops inside its
    // transaction for that round, at the insert, with the rounds before it committed.
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query(
        `insert into youth_alerts (organization_id, user_id, policy_id, kind, concerns)
         select $1, id, $2, 'application_opening', $3 from users where email = 'w1@workers.example'`,
        [t.org.id, blocked, day],
      );
      const worker = startWorker(url, day);
      await until('the worker ready', () => worker.output().includes('ready'), 90_000);
      worker.child.stdin?.write('go\n');
      // Asked on another session: inside a transaction pg_stat_activity would not change.
      const waiting = async () =>
        (
          await queryRows<{ n: number }>(
            t.database.db,
            sql`select count(*)::int as n from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock'`,
          )
        )[0].n > 0;
      await until('the worker blocked inside its transaction', waiting);
      worker.child.kill('SIGKILL');
      expect(await worker.exited).toBeNull();
      await holder.query('rollback');
    } finally {
      await holder.end();
    }
    // The killed worker's open transaction is rolled back by PostgreSQL; wait until its backend is gone.
    await until('the killed worker’s session to end', async () => {
      const [r] = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and state in ('active', 'idle in transaction')
              and query like '%youth_alerts%' and pid <> pg_backend_pid()`,
      );
      return r.n === 0;
    });
    const midway = await tally(ids, day);
    expect(midway.alerts).toBeLessThan(expected);
    expect(midway.alerts % PEOPLE).toBe(0); // only whole fan-outs: the killed one left nothing
    expect(midway.items).toBe(midway.alerts);

    const fresh = startWorker(url, day);
    await until('the fresh worker ready', () => fresh.output().includes('ready'), 90_000);
    fresh.child.stdin?.write('go\n');
    expect(await fresh.exited, fresh.output()).toBe(0);
    expect(await tally(ids, day)).toEqual({
      alerts: expected,
      keys: expected,
      notifications: PEOPLE * 2,
      items: expected,
      worstPerPersonGroup: 1,
    });
  }, 240_000);
});
