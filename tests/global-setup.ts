import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres } from '../server/platform/db/connect.ts';
import { migrate } from '../server/platform/db/migrate.ts';
import { createJobs } from '../server/platform/jobs/boss.ts';
import { PG_TEMPLATE_DB, PGLITE_TEMPLATE_FILE, pgUrlFor, TEST_DATABASE_URL } from './helpers/engines.ts';

// Migrate once per run into a template; each test file then gets a fresh copy of it.
export default async function setup() {
  fs.mkdirSync(path.dirname(PGLITE_TEMPLATE_FILE), { recursive: true });
  const lite = await openPglite(undefined);
  await migrate(lite.db);
  const liteJobs = createJobs(lite);
  await liteJobs.start(); // installs pg-boss's schema into the template
  await liteJobs.stop();
  const dump = await lite.pglite!.dumpDataDir('gzip');
  fs.writeFileSync(PGLITE_TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
  await lite.close();

  if (TEST_DATABASE_URL) {
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${PG_TEMPLATE_DB} with (force)`);
    const stale = await admin.query(`select datname from pg_database where datname like 'hamkke_t_%'`);
    for (const row of stale.rows) await admin.query(`drop database if exists "${row.datname}" with (force)`);
    await admin.query(`create database ${PG_TEMPLATE_DB}`);
    const db = openPostgres(pgUrlFor(PG_TEMPLATE_DB), 2);
    await migrate(db.db);
    const jobs = createJobs(db, pgUrlFor(PG_TEMPLATE_DB));
    await jobs.start();
    await jobs.stop();
    await db.close();
    await admin.end();
  }
}
