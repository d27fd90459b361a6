import { randomBytes } from 'node:crypto';

// Which database engines the integration tests run on: PGlite always, PostgreSQL when
// TEST_DATABASE_URL is set. Under CI=true PostgreSQL is required, never skipped.
export type Engine = 'pglite' | 'postgres';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
if (process.env.CI === 'true' && !TEST_DATABASE_URL) {
  throw new Error(
    'CI=true but TEST_DATABASE_URL is not set: the PostgreSQL integration tests would be skipped',
  );
}
export const engines: Engine[] = TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

// Each test run has its own templates, so runs side by side never touch each other's databases.
export const RUN_ID = process.env.TEST_RUN_ID ?? `${process.pid}`;
export const PGLITE_TEMPLATE_FILE = `.tmp/pglite-template-${RUN_ID}.tar.gz`;
export const PG_TEMPLATE_DB = `hamkke_tpl_${RUN_ID}`;

/** The run's HAMKKE_SECRET_KEY (made in global-setup; a file run alone makes its own). */
if (!process.env.TEST_SECRET_KEY) process.env.TEST_SECRET_KEY = randomBytes(32).toString('base64');
export const TEST_SECRET_KEY: string = process.env.TEST_SECRET_KEY;

export function pgUrlFor(database: string): string {
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}
