import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { type Database, openDatabase } from '../server/platform/db/connect.ts';
import { migrate } from '../server/platform/db/migrate.ts';
import { createJobs } from '../server/platform/jobs/boss.ts';
import { type BenchDb, freshPostgres, startServer } from './harness.ts';

// What the rush benchmarks share around their rush: a fresh migrated database (a PGlite directory,
// or a new PostgreSQL database dropped afterwards), and a server on it for the rush, either in a
// process of its own (`child`, as in production) or in the bench's process (`in-process`).

export type RushServer = 'child' | 'in-process';

export interface RushDatabase {
  /** The open database (between rushes; a `child` server has it alone while it runs). */
  readonly db: Database['db'];
  /** Runs `rush` against a server on this database at its base URL. */
  serve<T>(server: RushServer, rush: (baseUrl: string) => Promise<T>): Promise<T>;
  dispose(): Promise<void>;
}

export async function rushDatabase(kind: BenchDb, postgresUrl: string | undefined, label: string) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hamkke-rush-'));
  const pgDb = kind === 'postgres' && postgresUrl ? await freshPostgres(postgresUrl) : null;
  const serverEnv: Record<string, string> = {
    HAMKKE_RATE_LIMIT_PER_MINUTE: '100000000',
    HAMKKE_DEMO: '0',
    ...(pgDb ? { DATABASE_URL: pgDb.url } : { HAMKKE_DATA_DIR: path.join(tmp, 'pglite') }),
  };
  const config = loadConfig({
    HAMKKE_LOG_LEVEL: 'silent',
    HAMKKE_SECRET_KEY: randomBytes(32).toString('base64'),
    ...serverEnv,
  });
  let database: Database | null = await openDatabase(config, label);
  await migrate(database.db);
  const open = () => {
    if (!database) throw new Error(`${label}: the database is closed while a server runs`);
    return database;
  };
  const handle: RushDatabase = {
    get db() {
      return open().db;
    },
    async serve(server, rush) {
      if (server === 'child') {
        await open().close(); // PGlite: one process at a time
        database = null;
        const child = await startServer(
          'server/main.ts',
          { ...serverEnv, HAMKKE_LOG_LEVEL: 'warn', HAMKKE_ROLE: 'web' },
          '/readyz',
        );
        try {
          return await rush(child.url);
        } finally {
          await child.stop();
          database = await openDatabase(config, label);
        }
      }
      const jobs = createJobs(open(), config, pgDb?.url);
      await jobs.start();
      const app = await buildApp({ config, database: open(), jobs, logger: false });
      try {
        await app.listen({ port: 0, host: '127.0.0.1', backlog: 8192 });
        return await rush(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
      } finally {
        await app.close();
        await jobs.stop();
      }
    },
    async dispose() {
      await database?.close();
      await pgDb?.drop();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
  return handle;
}
