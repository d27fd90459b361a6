import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrganization } from '../../../../seed/builders/organization.ts';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { queryRows } from '../../../platform/db/connect.ts';
import { applyStatus, roundColumns } from './status.ts';
import { youthPolicies } from './tables.ts';

// The application status from the rounds copied onto the policy (migration 0110): one round takes
// the short path, several rounds the general one; both must read as the rounds say.
describe('roundColumns', () => {
  it('sorts the rounds by start then end, drops duplicates and keeps the last end', () => {
    const r = (startsOn: string, endsOn: string) => ({ startsOn, endsOn });
    expect(
      roundColumns([
        r('2025-05-01', '2025-05-31'),
        r('2025-01-01', '2025-12-31'),
        r('2025-05-01', '2025-05-10'),
      ]),
    ).toEqual({
      roundStarts: ['2025-01-01', '2025-05-01', '2025-05-01'],
      roundEnds: ['2025-12-31', '2025-05-10', '2025-05-31'],
      roundLastEnd: '2025-12-31',
    });
    expect(roundColumns([r('2025-03-01', '2025-03-02'), r('2025-03-01', '2025-03-02')]).roundStarts).toEqual([
      '2025-03-01',
    ]);
    expect(roundColumns([])).toEqual({ roundStarts: [], roundEnds: [], roundLastEnd: null });
  });

  it('refuses a day that is not YYYY-MM-DD (it is written into the SQL)', () => {
    expect(() => applyStatus("2025-01-01' or true --")).toThrow();
  });
});

describe.each(engines)('application status from round columns on %s', (engine) => {
  let database: TestDatabase;
  const ids: Record<string, string> = {};
  type Round = { startsOn: string; endsOn: string };
  const statusOn = async (id: string, on: string) => {
    const st = applyStatus(on);
    const [row] = await queryRows<{ apply_status: string; deadline: string | null }>(
      database.db,
      sql`select ${st.columns} from youth_policies p where p.id = ${id}`,
    );
    return row;
  };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const org = await ensureOrganization(database.db);
    const add = async (name: string, rounds: Round[], kind: 'dates' | 'always' | 'closed' = 'dates') => {
      const [row] = await database.db
        .insert(youthPolicies)
        .values({
          organizationId: org.id,
          source: 'local',
          status: 'published',
          title: name,
          applyPeriodKind: kind,
          ...roundColumns(rounds),
        })
        .returning({ id: youthPolicies.id });
      ids[name] = row.id;
    };
    await add('one', [{ startsOn: '2025-03-01', endsOn: '2025-03-31' }]);
    await add('two', [
      { startsOn: '2025-09-01', endsOn: '2025-09-30' },
      { startsOn: '2025-03-01', endsOn: '2025-03-31' },
    ]);
    await add('overlapping', [
      { startsOn: '2025-03-01', endsOn: '2025-06-30' },
      { startsOn: '2025-03-10', endsOn: '2025-03-20' },
    ]);
    await add('none', []);
    await add('always', [], 'always');
  });
  afterAll(() => database?.close());

  it('one round: upcoming, open, closing soon (7 days), closed; the deadline is its end', async () => {
    expect(await statusOn(ids.one, '2025-02-28')).toEqual({
      apply_status: 'upcoming',
      deadline: '2025-03-31',
    });
    expect(await statusOn(ids.one, '2025-03-01')).toEqual({ apply_status: 'open', deadline: '2025-03-31' });
    expect(await statusOn(ids.one, '2025-03-24')).toEqual({
      apply_status: 'closing_soon',
      deadline: '2025-03-31',
    });
    expect(await statusOn(ids.one, '2025-04-01')).toEqual({ apply_status: 'closed', deadline: '2025-03-31' });
  });

  it('several rounds: the running one, else the next, else the last', async () => {
    expect(await statusOn(ids.two, '2025-03-05')).toEqual({ apply_status: 'open', deadline: '2025-03-31' });
    expect(await statusOn(ids.two, '2025-05-01')).toEqual({
      apply_status: 'upcoming',
      deadline: '2025-09-30',
    });
    expect(await statusOn(ids.two, '2025-09-25')).toEqual({
      apply_status: 'closing_soon',
      deadline: '2025-09-30',
    });
    expect(await statusOn(ids.two, '2025-10-01')).toEqual({ apply_status: 'closed', deadline: '2025-09-30' });
    // Two rounds running at once: the one that ends first.
    expect(await statusOn(ids.overlapping, '2025-03-15')).toEqual({
      apply_status: 'closing_soon',
      deadline: '2025-03-20',
    });
    expect(await statusOn(ids.overlapping, '2025-04-01')).toEqual({
      apply_status: 'open',
      deadline: '2025-06-30',
    });
  });

  it('no rounds is closed without a deadline; always open has none', async () => {
    expect(await statusOn(ids.none, '2025-03-05')).toEqual({ apply_status: 'closed', deadline: null });
    expect(await statusOn(ids.always, '2025-03-05')).toEqual({ apply_status: 'always_open', deadline: null });
  });
});
