import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';

// Every Drizzle table object in the code, for the schema comparison. Today: every file named
// `tables.ts` or `*-tables.ts` under server/ and seed/. When modules declare their tables through
// defineModule({ tables }), collect from the module list here instead; nothing else changes.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SEARCHED = ['server', 'seed'];

export function tableFiles(): string[] {
  return SEARCHED.flatMap((dir) =>
    fs
      .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /(^|[/-])tables\.ts$/.test(f))
      .map((f) => path.join(dir, f)),
  ).sort();
}

/** The table objects each file exports, by table name; a name declared twice is an error. */
export async function collectDrizzleTables(): Promise<Map<string, { table: PgTable; file: string }>> {
  const found = new Map<string, { table: PgTable; file: string }>();
  for (const file of tableFiles()) {
    const mod: Record<string, unknown> = await import(pathToFileURL(path.join(ROOT, file)).href);
    for (const value of Object.values(mod)) {
      if (!is(value, PgTable)) continue;
      const name = getTableName(value);
      const prior = found.get(name);
      if (prior && prior.table !== value) {
        throw new Error(`Table ${name} has two Drizzle objects: ${prior.file} and ${file}`);
      }
      if (!prior) found.set(name, { table: value, file });
    }
  }
  return found;
}
