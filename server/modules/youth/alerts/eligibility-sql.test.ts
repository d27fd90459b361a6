import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrganization } from '../../../../seed/builders/organization.ts';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { users } from '../../../platform/auth/tables.ts';
import { queryRows } from '../../../platform/db/connect.ts';
import { evaluateEligibility, isEligible } from '../eligibility/rules.ts';
import type { EligibilityProfile, PolicyEligibility } from '../eligibility/types.ts';
import { youthProfiles } from '../profile/tables.ts';
import { fittingProfiles } from './fanout.ts';

// The SQL predicate and the JS rules must pick the same people: random policies against a stored
// population whose birthdays sit on the age boundaries (leap days included).
const family = (prefix: string, last: number) =>
  Array.from({ length: last }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`);
const EMPLOYMENT = family('0013', 10);
const EDUCATION = family('0049', 10);
const MAJOR = family('0011', 9);
const GROUPS = family('0014', 10);
const MARITAL = family('0055', 3);
const REGIONS = ['11560', '11290', '11110', '41110'];
const ONS = ['2024-02-29', '2025-02-28', '2025-03-01', '2026-06-15'];

const shiftYears = (date: string, years: number, days: number) => {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y - years, m - 1, d + days));
  return t.toISOString().slice(0, 10);
};
const birthDate = fc.oneof(
  fc
    .tuple(fc.constantFrom(...ONS), fc.integer({ min: 15, max: 40 }), fc.integer({ min: -1, max: 1 }))
    .map(([on, years, days]) => shiftYears(on, years, days)),
  fc.constantFrom('2000-02-29', '2004-02-29', '1996-02-29', '2001-03-01', '2001-02-28'),
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const person: fc.Arbitrary<EligibilityProfile> = fc.record(
  {
    birthDate,
    regionCode: fc.constantFrom(...REGIONS),
    employment: maybe(fc.constantFrom(...EMPLOYMENT.slice(0, 9))),
    education: maybe(fc.constantFrom(...EDUCATION.slice(0, 9))),
    major: maybe(fc.constantFrom(...MAJOR.slice(0, 8))),
    specialGroups: maybe(fc.uniqueArray(fc.constantFrom(...GROUPS.slice(0, 9)), { maxLength: 3 })),
    married: maybe(fc.boolean()),
    annualIncome: maybe(fc.integer({ min: 0, max: 10000 })),
  },
  { requiredKeys: ['birthDate', 'regionCode'] },
);

const listFrom = (codes: string[]) =>
  fc.array(fc.oneof(fc.constantFrom(...codes), fc.constant('  '), fc.constant(` ${codes[0]} `)), {
    maxLength: 3,
  });
const age = fc.oneof(fc.constant(0), fc.integer({ min: 14, max: 42 }));
const money = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10000 }));
const policy: fc.Arbitrary<PolicyEligibility> = fc.record({
  minAge: age,
  maxAge: age,
  regionCodes: listFrom(REGIONS),
  employmentCodes: listFrom(EMPLOYMENT),
  educationCodes: listFrom(EDUCATION),
  majorCodes: listFrom(MAJOR),
  specialGroupCodes: listFrom(GROUPS),
  maritalCodes: listFrom(MARITAL),
  incomeConditionCode: fc.constantFrom(null, '', '0043001', '0043002', ' 0043002', '0043003'),
  incomeMin: money,
  incomeMax: money,
  incomeOther: fc.constant(null),
});

describe.each(engines)('eligibility SQL predicate agrees with the rules on %s', (engine) => {
  let database: TestDatabase;
  let orgId: string;
  const people: Array<{ id: string; profile: EligibilityProfile }> = fc
    .sample(person, { numRuns: 400, seed: 20261127 })
    .map((profile) => ({ id: randomUUID(), profile }));

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    orgId = (await ensureOrganization(database.db)).id;
    await database.db.insert(users).values(people.map((p) => ({ id: p.id, displayName: 'p' })));
    await database.db.insert(youthProfiles).values(
      people.map(({ id, profile: p }) => ({
        organizationId: orgId,
        userId: id,
        birthDate: p.birthDate,
        regionCode: p.regionCode ?? '11560',
        employment: p.employment ?? null,
        education: p.education ?? null,
        major: p.major ?? null,
        specialGroups: p.specialGroups ?? null,
        married: p.married ?? null,
        annualIncome: p.annualIncome ?? null,
      })),
    );
  });
  afterAll(() => database?.close());

  it('selects exactly the people isEligible accepts', async () => {
    await fc.assert(
      fc.asyncProperty(policy, fc.constantFrom(...ONS), async (e, on) => {
        const rows = await queryRows<{ user_id: string }>(database.db, sql`${fittingProfiles(orgId, e, on)}`);
        const fromSql = rows.map((r) => r.user_id).sort();
        const fromJs = people
          .filter((p) => isEligible(evaluateEligibility(e, p.profile, on)))
          .map((p) => p.id)
          .sort();
        expect(fromSql).toEqual(fromJs);
      }),
      { numRuns: engine === 'pglite' ? 150 : 300 },
    );
  });
});
