import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { ensureOrganization } from '../seed/builders/organization.ts';
import { installAllModules } from '../server/composition.ts';
import { loadConfig } from '../server/config.ts';
import { alertPolicyPublished } from '../server/modules/youth/alerts/fanout.ts';
import { type Database, openPglite, openPostgres, queryRows } from '../server/platform/db/connect.ts';
import { migrate } from '../server/platform/db/migrate.ts';

// Benchmark 2 of issue 3 (run alone: `npx tsx bench/youth-fanout.ts`): 100,000 youth profiles
// with consent; a policy that fits about half of them is published; the time from publish to
// every in-app alert stored, against a bare INSERT … SELECT of as many rows in the same run.
// PGlite always; PostgreSQL on a scratch database when DATABASE_URL or TEST_DATABASE_URL is set.
// BENCH_FANOUT_PROFILES (default 100000), BENCH_ENGINES (pglite,postgres). Prints JSON lines; notes go to stderr.
installAllModules(); // notification kinds and the rest, as every entry point
const PROFILES = Number(process.env.BENCH_FANOUT_PROFILES ?? 100_000);
const postgresUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const config = loadConfig({ HAMKKE_LOG_LEVEL: 'silent' });
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

async function populate(database: Database, orgId: string) {
  const db = database.db;
  // Half live in 영등포구 (11560), half elsewhere: the policy below names only 11560.
  await db.execute(sql`insert into users (id, display_name, email, email_normalized, email_verified_at)
    select gen_random_uuid(), 'youth ' || i, 'y' || i || '@bench.example', 'y' || i || '@bench.example', now()
    from generate_series(1, ${PROFILES}) i`);
  await db.execute(sql`insert into consent_records (user_id, purpose, required, notice_version, granted)
    select id, 'youth_profile', false, 'bench', true from users where email like '%@bench.example'`);
  await db.execute(sql`insert into youth_profiles (organization_id, user_id, birth_date, region_code, employment)
    select ${orgId}, id, date '1990-01-01' + (abs(hashtext(id::text)) % 5000),
      case when abs(hashtext(id::text || 'r')) % 2 = 0 then '11560' else '11290' end,
      case when abs(hashtext(id::text || 'e')) % 3 = 0 then null else '0013003' end
    from users where email like '%@bench.example'`);
  await db.execute(sql`analyze`);
}

async function runOn(engine: 'pglite' | 'postgres', database: Database) {
  const db = database.db;
  await migrate(db);
  const org = await ensureOrganization(db);
  const t0 = process.hrtime.bigint();
  await populate(database, org.id);
  console.error(`[fanout] ${engine}: ${PROFILES} profiles in ${seconds(t0).toFixed(1)} s`);

  const [policy] = await queryRows<{ id: string }>(
    db,
    sql`insert into youth_policies (organization_id, source, status, title, min_age, max_age, region_codes, fields)
        values (${org.id}, 'local', 'published', '영등포 청년 일자리 지원', 19, 39, array['11560'], array['jobs'])
        returning id`,
  );
  const start = process.hrtime.bigint();
  const result = await db.transaction((tx) => alertPolicyPublished(tx, { config }, org.id, policy.id));
  const fanoutSeconds = seconds(start);
  const [stored] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from notifications where link = ${`/youth/policies/${policy.id}`}`,
  );

  // The floor: as many rows, one INSERT … SELECT into a copy of notifications (same columns,
  // indexes and foreign keys): the least it costs to store that many in-app notifications.
  await db.execute(sql`create table bench_bare (like notifications including all,
    foreign key (organization_id) references organizations(id), foreign key (user_id) references users(id))`);
  const bareStart = process.hrtime.bigint();
  await db.execute(sql`insert into bench_bare (organization_id, user_id, outbox_id, kind, title_ko, title_en, body_ko, body_en, link)
    select organization_id, user_id, row_number() over (), 'bench', 't', 't', 'b', 'b', '/'
    from youth_profiles where region_code = '11560'`);
  const bareSeconds = seconds(bareStart);
  await db.execute(sql`drop table bench_bare`);

  console.log(
    JSON.stringify({
      bench: 'youth-fanout',
      engine,
      profiles: PROFILES,
      alerts: result.alerts,
      inAppStored: stored.n,
      emailsQueued: result.emails,
      seconds: Math.round(fanoutSeconds * 1000) / 1000,
      bareInsertSeconds: Math.round(bareSeconds * 1000) / 1000,
      ratio: Math.round((fanoutSeconds / bareSeconds) * 100) / 100,
      peakRssMb: peakRssMb(),
      ...(engine === 'postgres' ? { targetSeconds: 10, targetRatio: 3 } : {}),
    }),
  );
}

const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((s) => s.trim());

if (engines.includes('pglite')) {
  const pglite = await openPglite(undefined);
  try {
    await runOn('pglite', pglite);
  } finally {
    await pglite.close();
  }
}

if (postgresUrl && engines.includes('postgres')) {
  const name = `hamkke_bench_fanout_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), 4);
  try {
    await runOn('postgres', database);
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
