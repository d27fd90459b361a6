import { sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allModules } from '../server/composition.ts';
import { queryRows } from '../server/platform/db/connect.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';
import { engines } from './helpers/engines.ts';

// Forgetting a table in "download my data" or account deletion must fail a test, not pass silently:
// every table that names a person is claimed by the module that owns it, as covered by its
// exporters and erasers or exempt with a reason.

// Columns holding a person's id: those referencing users, and person-named uuid columns without a
// foreign key (append-only logs keep ids of deleted people on purpose).
const PERSON_COLUMNS = sql.raw(`
  select distinct c.conrelid::regclass::text as table_name
    from pg_constraint c
   where c.contype = 'f' and c.confrelid = 'users'::regclass
  union
  select table_name::text from information_schema.columns
   where table_schema = 'public' and data_type = 'uuid'
     and (column_name like '%user_id' or column_name like '%\\_by' or column_name in ('asker_id', 'author_id'))
  union select 'users'`);

const sqlNameOf = (table: unknown) => getTableConfig(table as PgTable).name;

describe.each(engines.slice(0, 1))('personal data coverage on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database?.close());

  it('claims every table naming a person exactly once, in the module that owns it', async () => {
    const personal = (await queryRows<{ table_name: string }>(database.db, PERSON_COLUMNS)).map((r) =>
      r.table_name.replace(/^public\./, '').replaceAll('"', ''),
    );
    expect(personal).toContain('youth_questions'); // the query finds what it must
    const claims = new Map<string, string[]>();
    const problems: string[] = [];
    for (const m of allModules) {
      const owned = new Set(
        Object.values(m.tables ?? {})
          .filter(isTable)
          .map(sqlNameOf),
      );
      const covers = m.personalTables?.covers ?? [];
      const exempt = Object.keys(m.personalTables?.exempt ?? {});
      for (const name of [...covers, ...exempt]) {
        claims.set(name, [...(claims.get(name) ?? []), m.name]);
        if (!owned.has(name)) problems.push(`${m.name} claims ${name}, which is not among its tables`);
        if (!personal.includes(name)) problems.push(`${m.name} claims ${name}, which names nobody (stale?)`);
      }
      if (covers.length > 0) {
        const exporters = m.privacy?.flatMap((p) => Object.keys(p.exporters ?? {})) ?? [];
        const erasers = m.privacy?.flatMap((p) => Object.keys(p.erasers ?? {})) ?? [];
        if (exporters.length === 0 || erasers.length === 0)
          problems.push(`${m.name} covers personal tables but declares no exporter or no eraser`);
      }
      for (const [name, why] of Object.entries(m.personalTables?.exempt ?? {}))
        if (why.trim().length < 20) problems.push(`${m.name} exempts ${name} without a reason`);
    }
    for (const table of personal) {
      const by = claims.get(table) ?? [];
      if (by.length === 0)
        problems.push(`${table} names a person but no module covers or exempts it (personalTables)`);
      if (by.length > 1) problems.push(`${table} is claimed by ${by.join(' and ')}`);
    }
    expect(problems).toEqual([]);
  });
});

function isTable(value: unknown): boolean {
  try {
    getTableConfig(value as PgTable);
    return true;
  } catch {
    return false;
  }
}
