import type { FastifyInstance } from 'fastify';
import { ensureOrganization } from '../../seed/builders/organization.ts';
import { buildApp } from '../../server/app.ts';
import { type Config, loadConfig } from '../../server/config.ts';
import { createJobs, type Jobs } from '../../server/platform/jobs/boss.ts';
import type { Organization } from '../../server/platform/tenants/tables.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { type Engine, TEST_SECRET_KEY } from './engines.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  jobs: Jobs;
  config: Config;
  org: Organization;
  close(): Promise<void>;
}

/** The real app on a fresh database of the engine, with the demo organization as the default tenant. */
export async function createTestApp(engine: Engine, env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase(engine);
  const config = loadConfig({
    HAMKKE_LOG_LEVEL: 'silent',
    HAMKKE_RATE_LIMIT_PER_MINUTE: '100000',
    HAMKKE_DEV_MAILBOX: '1',
    HAMKKE_SECRET_KEY: TEST_SECRET_KEY,
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const jobs = createJobs(database, config, database.url);
  await jobs.start();
  const org = await ensureOrganization(database.db);
  const app = await buildApp({ config, database, jobs, logger: false });
  await app.ready();
  return {
    app,
    database,
    jobs,
    config,
    org,
    async close() {
      await app.close();
      await jobs.stop();
      await database.close();
    },
  };
}
