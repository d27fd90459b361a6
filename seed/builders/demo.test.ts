import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli.ts';
import { listPolicies } from '../../server/modules/youth/policies/catalogue/queries.ts';
import { type DbOrTx, openPglite, queryRows } from '../../server/platform/db/connect.ts';
import { createTestDatabase, type TestDatabase } from '../../tests/helpers/database.ts';
import { engines, pgUrlFor, TEST_DATABASE_URL, TEST_SECRET_KEY } from '../../tests/helpers/engines.ts';
import { DEMO_MARKER, prepareDemo } from '../demo.ts';

const TABLES = [
  'admin_teams',
  'admin_staffing',
  'admin_facilities',
  'admin_facility_floors',
  'admin_facility_spaces',
  'admin_equipment',
  'admin_budget_units',
  'admin_plan_items',
  'admin_plan_targets',
  'se_enterprises',
  'youth_policies',
  'youth_policy_rounds',
  'organizations',
  'users',
  'seed_markers',
];

async function counts(db: DbOrTx): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`));
    out[table] = row.n;
  }
  return out;
}

// runCli reads its settings from process.env: set them for the call and put everything back after.
async function cli(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number; lines: string[] }> {
  const keys = ['HAMKKE_DATA_DIR', 'DATABASE_URL', 'HAMKKE_TEST_RUN', ...Object.keys(env)];
  const saved = Object.fromEntries(keys.map((k) => [k, process.env[k]]));
  delete process.env.HAMKKE_TEST_RUN; // the test harness's own variable is no server setting
  delete process.env.DATABASE_URL;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const lines: string[] = [];
  try {
    const code = await runCli(argv, (line) => lines.push(line));
    return { code, lines };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('seed demo and user add through the CLI on an embedded database', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hamkke-cli-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const readCounts = async () => {
    const database = await openPglite(dir, { lockCommand: 'test' });
    try {
      return await counts(database.db);
    } finally {
      await database.close();
    }
  };

  it('loads the demo once; a second run adds nothing', async () => {
    const first = await cli(['seed', 'demo'], { HAMKKE_DATA_DIR: dir });
    expect(first.code).toBe(0);
    expect(first.lines.at(-1)).toBe('Loaded the 2019 Yeongdeungpo demo.');
    const after1 = await readCounts();
    expect(after1).toMatchObject({
      se_enterprises: 258,
      admin_teams: 3,
      admin_budget_units: 4,
      admin_plan_items: 6,
      admin_staffing: 14,
      admin_facilities: 3,
      admin_equipment: 1,
      seed_markers: 1,
    });
    const second = await cli(['seed', 'demo'], { HAMKKE_DATA_DIR: dir });
    expect(second.code).toBe(0);
    expect(second.lines.at(-1)).toBe('The demo was already loaded; missing parts were added.');
    expect(await readCounts()).toEqual(after1);
  }, 120_000);

  it('adds a verified account with user add', async () => {
    const email = `cli-${randomBytes(3).toString('hex')}@example.com`;
    const res = await cli(
      [
        'user',
        'add',
        '--email',
        email,
        '--password',
        'a-long-password-1',
        '--role',
        'staff',
        '--name',
        '김주무관',
      ],
      { HAMKKE_DATA_DIR: dir },
    );
    expect(res.code).toBe(0);
    expect(res.lines.join('\n')).toContain(`Added ${email}`);
    const database = await openPglite(dir, { lockCommand: 'test' });
    try {
      const rows = await queryRows<{ verified: boolean; role: string; display_name: string }>(
        database.db,
        sql`select u.email_verified_at is not null as verified, m.role, u.display_name from users u join memberships m on m.user_id = u.id where u.email = ${email}`,
      );
      expect(rows).toEqual([{ verified: true, role: 'staff', display_name: '김주무관' }]);
    } finally {
      await database.close();
    }
    const again = await cli(
      ['user', 'add', '--email', email, '--password', 'a-long-password-1', '--role', 'staff'],
      { HAMKKE_DATA_DIR: dir },
    );
    expect(again.code).toBe(1);
  }, 60_000);

  it('exits non-zero on wrong flags and values', async () => {
    expect((await cli(['user', 'add', '--bogus', 'x'], { HAMKKE_DATA_DIR: dir })).code).toBe(1);
    expect(
      (
        await cli(
          ['user', 'add', '--email', 'not-an-email', '--password', 'a-long-password-1', '--role', 'staff'],
          { HAMKKE_DATA_DIR: dir },
        )
      ).code,
    ).toBe(1);
    expect(
      (
        await cli(['user', 'add', '--email', 'a@example.com', '--password', 'short', '--role', 'staff'], {
          HAMKKE_DATA_DIR: dir,
        })
      ).code,
    ).toBe(1);
    expect(
      (
        await cli(
          ['user', 'add', '--email', 'a@example.com', '--password', 'a-long-password-1', '--role', 'mayor'],
          { HAMKKE_DATA_DIR: dir },
        )
      ).code,
    ).toBe(1);
    expect((await cli(['seed', 'demo', '--force'], { HAMKKE_DATA_DIR: dir })).code).toBe(1);
    expect((await cli(['seed', 'everything'], { HAMKKE_DATA_DIR: dir })).code).toBe(1);
  }, 60_000);
});

// PostgreSQL only when TEST_DATABASE_URL is set (engines.ts makes that required under CI=true).
describe.each(engines.filter((e) => e === 'postgres'))('seed demo through the CLI on %s', () => {
  const name = `hamkke_t_cli_${randomBytes(4).toString('hex')}`;
  let admin: pg.Client;
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`); // empty: the CLI must migrate it first
  });
  afterAll(async () => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('migrates an empty database, loads the demo, and a second run adds nothing', async () => {
    const url = pgUrlFor(name);
    expect(
      (await cli(['seed', 'demo'], { DATABASE_URL: url, HAMKKE_SECRET_KEY: TEST_SECRET_KEY })).code,
    ).toBe(0);
    const { openPostgres } = await import('../../server/platform/db/connect.ts');
    const database = openPostgres(url, 1);
    try {
      const first = await counts(database.db);
      expect(first).toMatchObject({ se_enterprises: 258, admin_plan_targets: 11, seed_markers: 1 });
      expect(
        (await cli(['seed', 'demo'], { DATABASE_URL: url, HAMKKE_SECRET_KEY: TEST_SECRET_KEY })).code,
      ).toBe(0);
      expect(await counts(database.db)).toEqual(first);
    } finally {
      await database.close();
    }
  }, 120_000);
});

describe.each(engines)('prepareDemo on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database?.close());

  it('loads the demo once, and its marker stops a second load', async () => {
    const lines = await prepareDemo(database.db);
    expect(lines.join('\n')).toContain('admin@demo.hamkke.kr');
    // The kiosk's tablet account is printed with the others, holding the kiosk role only.
    expect(lines.join('\n')).toMatch(/^\s+kiosk@demo\.hamkke\.kr\s+\S+\s+kiosk$/m);
    const first = await counts(database.db);
    expect(first).toMatchObject({ se_enterprises: 258, organizations: 1, seed_markers: 1 });
    const [marker] = await queryRows<{ name: string }>(database.db, sql`select name from seed_markers`);
    expect(marker.name).toBe(DEMO_MARKER);
    // The 2019 plan's youth programmes, one of each application status, searchable.
    expect(first.youth_policies).toBe(5);
    const [org] = await queryRows<{ id: string }>(database.db, sql`select id from organizations`);
    const listed = await listPolicies(database.db, org.id, { limit: 20, sort: 'deadline' });
    expect(listed.items.map((p) => p.status).sort()).toEqual(
      ['always_open', 'closed', 'closing_soon', 'open', 'upcoming'].sort(),
    );
    expect((await listPolicies(database.db, org.id, { limit: 20, q: '크리에이터' })).items[0].title).toBe(
      '1인 미디어 크리에이터 양성 과정',
    );

    // Remove one enterprise: if prepareDemo loaded the demo again, the builder would put it back.
    await database.db.execute(
      sql`delete from se_enterprises where id = (select id from se_enterprises order by name limit 1)`,
    );
    await prepareDemo(database.db);
    const second = await counts(database.db);
    expect(second).toEqual({ ...first, se_enterprises: 257 });
  }, 120_000);
});
