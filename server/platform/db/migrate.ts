import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from './connect.ts';

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../db/migrations',
);
// Any fixed number: every process migrating the same database takes this advisory lock first.
const MIGRATION_LOCK_KEY = 7_262_019;

export interface MigrationFile {
  name: string;
  checksum: string;
  statements: string[];
}

/** Splits a SQL file into statements at `;` line ends, keeping `$$ … $$` bodies whole. */
export function splitStatements(text: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let inDollar = false;
  for (const line of text.split('\n')) {
    if (!inDollar && /^\s*--/.test(line)) continue;
    current.push(line);
    const dollars = line.match(/\$\$/g)?.length ?? 0;
    if (dollars % 2 === 1) inDollar = !inDollar;
    if (!inDollar && /;\s*$/.test(line)) {
      const stmt = current.join('\n').trim();
      if (stmt) out.push(stmt);
      current = [];
    }
  }
  const rest = current.join('\n').trim();
  if (rest) out.push(rest);
  return out;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      return {
        name,
        checksum: createHash('sha256').update(text).digest('hex'),
        statements: splitStatements(text),
      };
    });
}

async function applied(tx: DbOrTx): Promise<Map<string, string>> {
  const rows = await queryRows<{ name: string; checksum: string }>(
    tx,
    sql`select name, checksum from hamkke_migrations`,
  );
  return new Map(rows.map((r) => [r.name, r.checksum]));
}

/** Applies pending migrations in one transaction under an advisory lock; returns their names. */
export async function migrate(db: DbOrTx, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = readMigrations(dir);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.execute(sql`create table if not exists hamkke_migrations (
      name text primary key, checksum text not null, applied_at timestamptz not null default now())`);
    const done = await applied(tx);
    const ran: string[] = [];
    for (const file of files) {
      const prior = done.get(file.name);
      if (prior !== undefined) {
        if (prior !== file.checksum) {
          throw new Error(
            `Migration ${file.name} was changed after it was applied; add a new migration instead`,
          );
        }
        continue;
      }
      for (const stmt of file.statements) await tx.execute(sql.raw(stmt));
      await tx.execute(
        sql`insert into hamkke_migrations (name, checksum) values (${file.name}, ${file.checksum})`,
      );
      ran.push(file.name);
    }
    return ran;
  });
}

// The files do not change while a process runs: /readyz, polled by load balancers, reads their names once.
const namesOnDisk = new Map<string, string[]>();

/** Names of migrations on disk that the database has not applied. */
export async function pendingMigrations(db: DbOrTx, dir = MIGRATIONS_DIR): Promise<string[]> {
  let names = namesOnDisk.get(dir);
  if (!names) {
    names = readMigrations(dir).map((f) => f.name);
    namesOnDisk.set(dir, names);
  }
  try {
    const done = await applied(db);
    return names.filter((name) => !done.has(name));
  } catch {
    return names;
  }
}
