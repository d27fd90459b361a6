import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../../server/platform/db/connect.ts';
import { type Engine, PG_TEMPLATE_DB, PGLITE_TEMPLATE_FILE, pgUrlFor, TEST_DATABASE_URL } from './engines.ts';

export interface TestDatabase extends Database {
  url?: string;
}

/** A fresh, migrated database of the given engine, dropped again on close. */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const blob = new Blob([fs.readFileSync(PGLITE_TEMPLATE_FILE)]);
    return openPglite(undefined, { loadDataDir: blob });
  }
  const name = `hamkke_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name} template ${PG_TEMPLATE_DB}`);
  await admin.end();
  const url = pgUrlFor(name);
  const database = openPostgres(url, 5);
  return {
    ...database,
    url,
    async close() {
      await database.close();
      const drop = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}
