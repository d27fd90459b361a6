import { sql } from 'drizzle-orm';
import {
  check,
  integer,
  type PgTable,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../server/platform/auth/tables.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';
import { moduleTables, tablesNoModuleDeclares } from './helpers/drizzle-tables.ts';
import { engines } from './helpers/engines.ts';
import { schemaDrift } from './helpers/schema-diff.ts';

// db/migrations/ is the source of truth for the schema; the Drizzle table objects must say the same
// (columns with types, defaults and nullability; primary, foreign and unique keys; ON DELETE; the
// checks Drizzle declares, and every check that lists a column's values). A failure lists what
// differs, one line each: change the tables.ts to match, or add a migration if the schema is wrong.

/** Live tables that have no Drizzle object, each with the reason. Only the public schema is read. */
const UNMODELLED: Record<string, string> = {
  hamkke_migrations:
    'the migration runner’s own ledger, created by server/platform/db/migrate.ts before any migration runs',
};

it('every Drizzle table object is declared by a module, so the comparison sees it', async () => {
  expect(moduleTables().size).toBeGreaterThan(40);
  expect(await tablesNoModuleDeclares()).toEqual([]);
});

describe.each(engines)('the live schema and the Drizzle tables (%s)', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('agree on every table, column, key and declared check', async () => {
    expect(await schemaDrift(database.db, moduleTables(), UNMODELLED)).toEqual([]);
  });

  it('names each kind of difference it finds (planted in copies of two tables)', async () => {
    // two_factor_login_failures is `session_id text primary key references sessions(id) on delete
    // cascade, failures int not null default 0`; this copy gets the delete rule, the nullability,
    // the default and the type wrong, adds a column and forgets the key.
    const wrongFailures = pgTable('two_factor_login_failures', {
      sessionId: text('session_id').references(() => sessions.id, { onDelete: 'set null' }),
      failures: smallint('failures'),
      extra: timestamp('extra', { withTimezone: true }),
    });
    // push_vapid_keys has `check (id = 1)` and no unique index on public_key.
    const wrongKeys = pgTable(
      'push_vapid_keys',
      {
        id: integer('id').primaryKey().default(1),
        publicKey: text('public_key').notNull(),
        privateKey: text('private_key').notNull(),
        createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      },
      (t) => [
        check('push_vapid_keys_id_check', sql`${t.id} = 2`),
        uniqueIndex('push_vapid_keys_public').on(t.publicKey),
      ],
    );
    const drift = await schemaDrift(
      database.db,
      new Map<string, PgTable>([
        ['two_factor_login_failures', wrongFailures],
        ['push_vapid_keys', wrongKeys],
      ]),
      {},
    );
    const about = (table: string) => drift.filter((line) => line.startsWith(table));
    expect(about('two_factor_login_failures')).toEqual([
      'two_factor_login_failures.session_id: nullability: db says not null, drizzle says null',
      'two_factor_login_failures.failures: type: db says integer, drizzle says smallint',
      'two_factor_login_failures.failures: nullability: db says not null, drizzle says null',
      'two_factor_login_failures.failures: default: db says default 0, drizzle says no default',
      'two_factor_login_failures.extra: drizzle has this column (timestamp with time zone), db does not',
      'two_factor_login_failures: primary key: db says (session_id), drizzle says none',
      'two_factor_login_failures(session_id): db says references sessions(id) on delete cascade, drizzle says references sessions(id) on delete set null',
    ]);
    expect(about('push_vapid_keys')).toEqual([
      'push_vapid_keys.id: type: db says smallint, drizzle says integer',
      'push_vapid_keys: drizzle has unique index push_vapid_keys_public using btree (public_key), db does not',
      'push_vapid_keys: check push_vapid_keys_id_check: db says CHECK ((id = 1)), drizzle says CHECK ((id = 2))',
    ]);
    // Every other live table has no object in this partial list, and says so.
    expect(drift).toContain('users: db has this table, drizzle has no object for it');
  });
});
