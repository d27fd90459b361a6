import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { governanceCommands } from '../cli.ts';
import { mapJson } from '../deliberation/index.ts';
import { loadVotes, mapOf } from './queries.ts';
import { governanceParticipants } from './tables.ts';

const DIR = path.resolve(import.meta.dirname, '../../../../tests/fixtures/polis/15-per-hour-seattle');
const command = (name: string) => governanceCommands.find((c) => c.name === name)!;

// `deliberation import` stores a real Pol.is export; the map computed from the database equals
// `deliberation map DIR --json` for the same folder.
describe.each(engines)('deliberation import on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  it('imports the $15/hour conversation and maps it as the export does', async () => {
    const out: string[] = [];
    const env = { config: t.config, database: t.database, out: (line: string) => void out.push(line) };
    await command('deliberation import').run(env, {}, [DIR]);
    const id = /deliberation ([0-9a-f-]{36})/.exec(out.join('\n'))?.[1];
    expect(id).toBeDefined();
    expect(out.join('\n')).toMatch(/54 statements, 339 imported participants, \d+ votes/);
    const printed: string[] = [];
    await command('deliberation map').run(
      { ...env, out: (line: string) => void printed.push(line) },
      { json: true },
      [DIR],
    );
    const expected = JSON.parse(printed.join(''));
    const stored = await loadVotes(t.database.db, t.org.id, id!);
    const fromDb = mapJson(mapOf(stored), stored.votes.participantIds);
    expect(fromDb).toEqual(expected);
    expect(fromDb.groups.length).toBeGreaterThanOrEqual(2);
    // The voters are pseudonyms: imported, with no account.
    const people = await t.database.db
      .select({ kind: governanceParticipants.kind, userId: governanceParticipants.userId })
      .from(governanceParticipants)
      .where(eq(governanceParticipants.deliberationId, id!));
    expect(people.length).toBeGreaterThan(300);
    expect(people.every((p) => p.kind === 'imported' && p.userId === null)).toBe(true);
  });
});
