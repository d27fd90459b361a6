import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { allModules } from '../../server/composition.ts';

// Every Drizzle table object, for the schema comparison: what the modules declare in
// defineModule({ tables }) (server/composition.ts holds the list). The files that hold table
// objects (`tables.ts`, `*-tables.ts` under server/) are read too, so a table no module declares
// is caught instead of silently left out of the comparison.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Table objects by table name, from the modules; a name declared twice is an error. */
export function moduleTables(): Map<string, PgTable> {
  const found = new Map<string, PgTable>();
  const owner = new Map<string, string>();
  for (const module of allModules) {
    for (const value of Object.values(module.tables ?? {})) {
      if (!is(value, PgTable)) continue;
      const name = getTableName(value);
      if (found.has(name) && found.get(name) !== value) {
        throw new Error(
          `Table ${name} has two Drizzle objects (modules ${owner.get(name)} and ${module.name})`,
        );
      }
      found.set(name, value);
      owner.set(name, module.name);
    }
  }
  return found;
}

export function tableFiles(): string[] {
  return fs
    .readdirSync(path.join(ROOT, 'server'), { recursive: true, encoding: 'utf8' })
    .filter((f) => /(^|[/-])tables\.ts$/.test(f))
    .map((f) => path.join('server', f))
    .sort();
}

/** Table objects exported by a tables file that no module declares, as `file: table`. */
export async function tablesNoModuleDeclares(): Promise<string[]> {
  const declared = new Set(moduleTables().values());
  const missing: string[] = [];
  for (const file of tableFiles()) {
    const exports: Record<string, unknown> = await import(pathToFileURL(path.join(ROOT, file)).href);
    for (const value of Object.values(exports)) {
      if (is(value, PgTable) && !declared.has(value)) missing.push(`${file}: ${getTableName(value)}`);
    }
  }
  return missing;
}
