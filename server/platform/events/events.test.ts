import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '../../../tests/helpers/database.ts';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../db/connect.ts';
import { defineEvent, subscribe } from './define.ts';
import { emit, registerSubscriber } from './emit.ts';

const happened = defineEvent('test.thing.happened', z.object({ n: z.number().int() }));
const deps = { config: loadConfig({}) };

describe('domain events', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await database.db.execute(sql`create table event_reactions (who text, n int)`);
    for (const who of ['first', 'second'])
      registerSubscriber(
        subscribe(`test.${who}`, happened, async (tx, e) => {
          await tx.execute(sql`insert into event_reactions values (${who}, ${e.n})`);
        }),
      );
  });
  afterAll(() => database?.close());

  const reactions = () =>
    queryRows<{ who: string; n: number }>(
      database.db,
      sql`select who, n from event_reactions order by n, who`,
    );

  it('runs every subscriber in the emitter’s transaction, and a rollback takes their reactions back', async () => {
    await database.db.transaction(async (tx) => emit(tx, deps, happened, { n: 1 }));
    await expect(
      database.db.transaction(async (tx) => {
        await emit(tx, deps, happened, { n: 2 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await reactions()).toEqual([
      { who: 'first', n: 1 },
      { who: 'second', n: 1 },
    ]);
  });

  it('refuses a payload that does not match the event, before any subscriber runs', async () => {
    await expect(emit(database.db, deps, happened, { n: 1.5 })).rejects.toThrow();
    expect(await reactions()).toHaveLength(2);
  });

  it('refuses the same subscriber twice and malformed event names', () => {
    expect(() => registerSubscriber(subscribe('test.first', happened, async () => {}))).toThrow(/twice/);
    expect(() => defineEvent('NoDots', z.object({}))).toThrow(/must look like/);
  });
});
