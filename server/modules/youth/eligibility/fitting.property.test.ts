import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PolicyForEligibility } from '../policies/index.ts';
import { fitting } from './check.ts';
import { evaluateEligibility, isEligible } from './rules.ts';
import type { EligibilityProfile, PolicyEligibility } from './types.ts';

// The self-check's shortcuts (the region index, the age check without words, one evaluation per
// group of policies with the same fields) must give exactly what the rules give policy by policy.
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
// Few distinct eligibilities over many policies, so that policies share them as in a real list.
const policies = fc
  .array(eligibility, { minLength: 1, maxLength: 6 })
  .chain((shapes) =>
    fc.array(
      fc.nat(shapes.length - 1).map((k) => shapes[k]),
      { maxLength: 30 },
    ),
  )
  .map((list) =>
    list.map(
      (e, i): PolicyForEligibility => ({
        id: `p${i}`,
        externalId: null,
        title: `정책 ${i}`,
        status: 'open',
        deadline: null,
        registered: -i,
        eligibility: e,
      }),
    ),
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
});
