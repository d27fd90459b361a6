import { type SQL, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import type { Role } from '../access/actor.ts';
import { createVerifiedUser } from '../auth/commands.ts';
import { queryRows } from '../db/connect.ts';
import { ageRule, ageSql, residenceRule, residenceSql, roleRule, roleSql } from './index.ts';

// The JavaScript rule and its SQL select the same people, on random inputs, on both engines: the
// SQL runs over a VALUES list of the generated people and returns the indexes it keeps.

const isoDate = fc
  .date({ min: new Date('1960-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const leapish = fc.constantFrom('2000-02-29', '2004-02-29', '1996-02-28', '2001-03-01');
const AREAS = ['11560', '11590', '11110', '26110', '41135'];
const name = (code: string) => ({ ko: `지역${code}`, en: `Area ${code}` });

async function kept(t: TestApp, rows: SQL[], predicate: SQL | null): Promise<number[]> {
  const found = await queryRows<{ i: number }>(
    t.database.db,
    sql`select i from (values ${sql.join(rows, sql`, `)}) as p(i, birth_date, area)
        where ${predicate ?? sql`true`} order by i`,
  );
  return found.map((r) => Number(r.i));
}

describe.each(engines)('shared eligibility rules on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  it('age in full years: the SQL keeps exactly those the rule does not fail', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ min: fc.integer({ min: 0, max: 40 }), max: fc.integer({ min: 0, max: 45 }) }),
        fc.oneof(isoDate, leapish),
        fc.array(fc.option(fc.oneof(isoDate, leapish), { nil: null }), { minLength: 1, maxLength: 30 }),
        async (range, on, births) => {
          const rows = births.map((b, i) => sql`(${i}::int, ${b}::date, null::text)`);
          const expected = births.flatMap((b, i) => (ageRule(range, b, on).result === 'fail' ? [] : [i]));
          expect(await kept(t, rows, ageSql(range, sql`p.birth_date`, on))).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('residence: the SQL keeps exactly those the rule does not fail', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...AREAS, ' ', ''), { maxLength: 4 }),
        fc.array(fc.option(fc.constantFrom(...AREAS), { nil: null }), { minLength: 1, maxLength: 20 }),
        async (allowed, areas) => {
          const rows = areas.map((a, i) => sql`(${i}::int, null::date, ${a}::text)`);
          const expected = areas.flatMap((a, i) =>
            residenceRule(allowed, a, name).result === 'fail' ? [] : [i],
          );
          expect(await kept(t, rows, residenceSql(allowed, sql`p.area`))).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('role: the SQL finds exactly the members the rule passes', async () => {
    const people = await Promise.all(
      ([['resident'], ['youth'], ['enterprise_member', 'resident'], ['staff'], []] as Role[][]).map(
        async (roles, i) => ({
          roles,
          user: await createVerifiedUser(t.database.db, {
            email: `role-${i}-${Date.now()}@example.com`,
            password: 'a-long-enough-password',
            organizationId: t.org.id,
            roles,
          }),
        }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(['resident', 'youth', 'enterprise_member', 'staff'] as Role[]),
        async (allowed) => {
          const predicate = roleSql(allowed, sql`u.id`, t.org.id);
          const found = await queryRows<{ id: string }>(
            t.database.db,
            sql`select u.id from users u where u.id = any(${sql.raw(`array[${people.map((p) => `'${p.user.id}'`).join(',')}]::uuid[]`)})
                and ${predicate ?? sql`true`}`,
          );
          const expected = people
            .filter((p) => roleRule(allowed, new Set(p.roles)).result === 'pass')
            .map((p) => p.user.id);
          expect(found.map((r) => r.id).sort()).toEqual(expected.sort());
        },
      ),
      { numRuns: 16 },
    );
  });

  it('explains in Korean and English, and unknown is never a failure', () => {
    expect(ageRule({ min: 19, max: 34 }, null, '2026-12-06')).toMatchObject({ result: 'unknown' });
    expect(ageRule({ min: 19, max: 34 }, '2000-02-29', '2019-02-28').explanation.ko).toContain('만 18세');
    expect(residenceRule(['11560'], undefined, name).result).toBe('unknown');
    expect(roleRule(['youth'], null).explanation.en).toContain('sign in');
    expect(roleRule([], new Set()).result).toBe('pass');
  });
});
