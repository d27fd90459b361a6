import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHECK_SORTS,
  CHECK_STATUS_FILTERS,
  type CheckSort,
  type CheckStatusFilter,
} from '../../../../contracts/youth-eligibility.ts';
import { APPLY_STATUSES, type ApplyStatus, type PolicyField } from '../../../../contracts/youth-policies.ts';
import type { PolicyForEligibility } from '../policies/index.ts';
import { checkAnswer, fitting } from './check.ts';
import { evaluateEligibility, isEligible } from './rules.ts';
import type { EligibilityProfile, PolicyEligibility } from './types.ts';

// The self-check's shortcuts (the region index, the age check without words, one evaluation per
// group of policies with the same fields, candidates kept in the deadline order, filters and
// counts in one pass, keyset pages) must give exactly what the rules give policy by policy.
const codes = (...list: string[]) => fc.array(fc.constantFrom(...list, '  ', '0099001'), { maxLength: 3 });
const REGIONS = ['11560', '11290', ' 11560 ', ''];
const eligibility: fc.Arbitrary<PolicyEligibility> = fc.record({
  minAge: fc.constantFrom(0, 19, 25, 30),
  maxAge: fc.constantFrom(0, 24, 34, 39),
  regionCodes: codes(...REGIONS),
  employmentCodes: codes('0013001', '0013003', '0013010'),
  educationCodes: codes('0049005', '0049007', '0049010'),
  majorCodes: codes('0011001', '0011009'),
  specialGroupCodes: codes('0014001', '0014002', '0014010'),
  maritalCodes: codes('0055001', '0055002', '0055003'),
  incomeConditionCode: fc.constantFrom(null, '0043001', '0043002', ' 0043002 ', '0043003'),
  incomeMin: fc.constantFrom(0, 1000),
  incomeMax: fc.constantFrom(0, 3000),
  incomeOther: fc.constant(null),
});
/** Open to everyone: so that lists have enough fitting policies to order and filter. */
const ANYONE: PolicyEligibility = {
  minAge: 0,
  maxAge: 0,
  regionCodes: [],
  employmentCodes: [],
  educationCodes: [],
  majorCodes: [],
  specialGroupCodes: [],
  maritalCodes: [],
  incomeConditionCode: null,
  incomeMin: 0,
  incomeMax: 0,
  incomeOther: null,
};

/**
 * Lists of policies, newest first, whose eligibilities are few distinct ones shared as in a real
 * list, with statuses, deadlines, fields and registration times of their own.
 */
const listOf = (
  shapes: fc.Arbitrary<PolicyEligibility[]>,
  length: { minLength: number; maxLength: number },
) =>
  shapes
    .chain((kinds) =>
      fc.array(
        fc.record({
          eligibility: fc.nat(kinds.length - 1).map((k) => kinds[k]),
          status: fc.constantFrom(...APPLY_STATUSES),
          deadline: fc.constantFrom('2025-06-03', '2025-06-20', '2025-07-31', '2025-05-01', '2024-12-31'),
          fields: fc.subarray<PolicyField>(['jobs', 'housing', 'education', 'welfare', 'participation']),
          // Some share a registration time, so the id decides their order.
          registered: fc.integer({ min: 0, max: 5 }),
        }),
        length,
      ),
    )
    .map((facts) =>
      facts
        .map(
          (f, i): PolicyForEligibility => ({
            // Ids sort differently from the list order.
            id: `00000000-0000-4000-8000-${String((i * 7919) % 1000).padStart(12, '0')}`,
            externalId: null,
            title: `정책 ${i}`,
            status: f.status,
            deadline: f.status === 'always_open' ? null : f.deadline,
            fields: f.fields,
            registered: -f.registered,
            eligibility: f.eligibility,
          }),
        )
        .sort((a, b) => b.registered - a.registered || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    );
const policies = listOf(fc.array(eligibility, { minLength: 1, maxLength: 6 }), {
  minLength: 0,
  maxLength: 30,
});
/** Half of them open to anyone: many fit, in every status. */
const fittingMany = listOf(
  fc
    .array(eligibility, { minLength: 1, maxLength: 3 })
    .map((kinds) => [ANYONE, ...kinds.flatMap((k) => [k, ANYONE])]),
  { minLength: 5, maxLength: 40 },
);
const person: fc.Arbitrary<EligibilityProfile> = fc.record(
  {
    // Ages 35, 27, 20, and exactly 19, 25 and 34 on the check date (the bounds), or not given.
    birthDate: fc.constantFrom(
      '1990-03-01',
      '1998-05-01',
      '2004-12-31',
      '2006-06-01',
      '2000-06-01',
      '1991-06-01',
      ' ',
    ),
    regionCode: fc.constantFrom('11560', '11290', '26110'),
    employment: fc.constantFrom('0013001', '0013003'),
    education: fc.constantFrom('0049005', '0049007'),
    major: fc.constantFrom('0011001', '0011002'),
    specialGroups: fc.subarray(['0014001', '0014002']),
    married: fc.boolean(),
    annualIncome: fc.constantFrom(500, 2000, 5000),
  },
  { requiredKeys: ['birthDate'] },
);

describe('the self-check over a list', () => {
  it('keeps exactly the policies whose rules do not fail, with their outcomes, in list order', () => {
    fc.assert(
      fc.property(policies, person, (list, p) => {
        const on = '2025-06-01';
        const m = fitting(list, p, on);
        const expected = list
          .map((policy, i) => ({ i, outcomes: evaluateEligibility(policy.eligibility, p, on) }))
          .filter((x) => isEligible(x.outcomes));
        expect(m.indexes).toEqual(expected.map((x) => x.i));
        for (const x of expected) expect(m.outcomesOf(x.i)).toEqual(x.outcomes);
      }),
      { numRuns: 1000 },
    );
  });

  it('lists the fitting policies under any filter and sort, page by page, and counts each choice', () => {
    // The deadline order as the policy list has it, written out plainly.
    const group = (s: ApplyStatus) =>
      s === 'open' || s === 'closing_soon' ? 0 : s === 'upcoming' ? 1 : s === 'always_open' ? 2 : 3;
    const byDeadline = (a: PolicyForEligibility, b: PolicyForEligibility) => {
      const ga = group(a.status);
      const gb = group(b.status);
      if (ga !== gb) return ga - gb;
      const da = a.deadline ?? '';
      const db = b.deadline ?? '';
      if (ga !== 2 && da !== db) return (da < db ? -1 : 1) * (ga === 3 ? -1 : 1);
      return a.id < b.id ? -1 : 1;
    };
    const passes = (filter: CheckStatusFilter, s: ApplyStatus) =>
      filter === 'all' ||
      (filter === 'available' ? s !== 'closed' : s === filter || (filter === 'open' && s === 'closing_soon'));
    fc.assert(
      fc.property(
        fittingMany,
        person,
        fc.constantFrom<PolicyField | undefined>(undefined, 'jobs', 'housing'),
        fc.constantFrom(...CHECK_STATUS_FILTERS),
        fc.constantFrom<CheckSort>(...CHECK_SORTS),
        fc.integer({ min: 1, max: 4 }),
        (list, p, field, status, sort, limit) => {
          const on = '2025-06-01';
          const fits = list.filter((x) => isEligible(evaluateEligibility(x.eligibility, p, on)));
          const ordered = sort === 'deadline' ? [...fits].sort(byDeadline) : fits;
          const wanted = ordered.filter(
            (x) => passes(status, x.status) && (!field || x.fields.includes(field)),
          );
          const seen: string[] = [];
          let cursor: string | undefined;
          for (let n = 0; ; n++) {
            const answer = JSON.parse(checkAnswer(list, p, on, 'ko', { limit, cursor, field, status, sort }));
            expect(answer.total).toBe(wanted.length);
            if (n === 0) {
              const inStatus = fits.filter((x) => passes(status, x.status));
              const inField = fits.filter((x) => !field || x.fields.includes(field));
              expect(answer.facets.anyField).toBe(inStatus.length);
              for (const f of ['jobs', 'housing', 'education', 'welfare', 'participation'] as const)
                expect(answer.facets.fields[f]).toBe(inStatus.filter((x) => x.fields.includes(f)).length);
              for (const s of APPLY_STATUSES)
                expect(answer.facets.statuses[s]).toBe(inField.filter((x) => x.status === s).length);
            }
            expect(answer.items.length).toBeLessThanOrEqual(limit);
            seen.push(...answer.items.map((i: { id: string }) => i.id));
            if (!answer.nextCursor) break;
            cursor = answer.nextCursor;
          }
          expect(seen).toEqual(wanted.map((x) => x.id));
        },
      ),
      { numRuns: 500 },
    );
  });
});
