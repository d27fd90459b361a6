import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { acquireDataDirLock } from './lock.ts';

// One SQL dialect, two engines: PostgreSQL in production, PGlite embedded. Both answer int8 as a
// number and `date` as a 'YYYY-MM-DD' string so code never sees a difference.
// biome-ignore lint/suspicious/noExplicitAny: the schema is not bound here; modules bring their tables
export type Db = PgDatabase<PgQueryResultHKT, any>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** The raw client: a PGlite instance or a pg Pool. */
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
}

pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

export const pgliteExtensions = { pg_trgm, btree_gist };
const pgliteParsers = { 20: (v: string) => Number(v), 1082: (v: string) => v };

export async function openPglite(
  dataDir: string | undefined,
  opts: { lockCommand?: string; loadDataDir?: Blob } = {},
): Promise<Database> {
  let release = () => {};
  let dir: string | undefined;
  if (dataDir) {
    release = acquireDataDirLock(dataDir, opts.lockCommand ?? process.argv.slice(1).join(' '));
    dir = path.join(dataDir, 'pglite');
  }
  try {
    const client = await PGlite.create({
      dataDir: dir,
      extensions: pgliteExtensions,
      parsers: pgliteParsers,
      loadDataDir: opts.loadDataDir,
    });
    return wrapPglite(client, release);
  } catch (err) {
    release();
    throw err;
  }
}

export function wrapPglite(client: PGlite, release: () => void = () => {}): Database {
  return {
    kind: 'pglite',
    db: drizzlePglite(client) as unknown as Db,
    pglite: client,
    async close() {
      await client.close();
      release();
    },
  };
}

export function openPostgres(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {}); // an idle client losing its connection must not crash the process
  return {
    kind: 'postgres',
    db: drizzlePg(pool) as unknown as Db,
    pool,
    async close() {
      await pool.end();
    },
  };
}

export async function openDatabase(
  config: { DATABASE_URL?: string; HAMKKE_DATA_DIR: string },
  lockCommand?: string,
): Promise<Database> {
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL);
  return openPglite(config.HAMKKE_DATA_DIR, { lockCommand });
}

/** Runs raw SQL and returns its rows, the same on both engines. */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}
