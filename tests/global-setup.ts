import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadDemo } from '../seed/demo.ts';
import { installAllModules } from '../server/composition.ts';
import { loadConfig } from '../server/config.ts';
import { openPglite, openPostgres } from '../server/platform/db/connect.ts';
import { migrate } from '../server/platform/db/migrate.ts';
import { createJobs } from '../server/platform/jobs/boss.ts';

// Migrate once per run into a template; each test file then gets a fresh copy of it.
export default async function setup() {
  installAllModules(); // jobs.start() below creates every declared queue
  process.env.TEST_RUN_ID = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  // One random HAMKKE_SECRET_KEY per run (required with DATABASE_URL); child processes get it too.
  process.env.TEST_SECRET_KEY = randomBytes(32).toString('base64');
  const { PG_TEMPLATE_DB, PGLITE_TEMPLATE_FILE, pgUrlFor, TEST_DATABASE_URL } = await import(
    './helpers/engines.ts'
  );

  fs.mkdirSync(path.dirname(PGLITE_TEMPLATE_FILE), { recursive: true });
  const lite = await openPglite(undefined);
  await migrate(lite.db);
  const liteJobs = createJobs(lite, loadConfig({}));
  await liteJobs.start(); // installs pg-boss's schema into the template
  await liteJobs.stop();
  const dump = await lite.pglite!.dumpDataDir('gzip');
  fs.writeFileSync(PGLITE_TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
  await lite.close();

  // The demo's data directory, migrated and seeded once per run: each browser journey's server starts
  // on a copy (tests/e2e/server.ts). PGlite's first start of an empty directory (initdb) and the demo
  // load are most of a server's start, and there are a score of journeys.
  const demoTemplate = fs.mkdtempSync(path.join(os.tmpdir(), 'hamkke-demo-template-'));
  const demo = await openPglite(demoTemplate, { lockCommand: 'tests/global-setup.ts' });
  await migrate(demo.db);
  await loadDemo(demo.db);
  const demoJobs = createJobs(demo, loadConfig({}));
  await demoJobs.start();
  await demoJobs.stop();
  await demo.close();
  process.env.TEST_DEMO_TEMPLATE_DIR = path.join(demoTemplate, 'pglite');

  if (TEST_DATABASE_URL) {
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${PG_TEMPLATE_DB}`);
    const db = openPostgres(pgUrlFor(PG_TEMPLATE_DB), 2);
    await migrate(db.db);
    const jobs = createJobs(db, loadConfig({}), pgUrlFor(PG_TEMPLATE_DB));
    await jobs.start();
    await jobs.stop();
    await db.close();
    await admin.end();
  }

  return async () => {
    fs.rmSync(PGLITE_TEMPLATE_FILE, { force: true });
    fs.rmSync(demoTemplate, { recursive: true, force: true });
    if (TEST_DATABASE_URL) {
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${PG_TEMPLATE_DB} with (force)`);
      await admin.end();
    }
  };
}
