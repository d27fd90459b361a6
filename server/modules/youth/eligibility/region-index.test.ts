import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PolicyForEligibility } from '../policies/index.ts';
import { regionCandidates } from './check.ts';
import { regionRule } from './rules.ts';

// The region index of the self-check may only leave out policies whose region rule fails: every
// policy it drops must fail that rule for the person, and it keeps the list's order.
const REGIONS = ['11560', '11290', '41110', '26110'];
const regionList = fc.array(
  fc.oneof(
    fc.constantFrom(...REGIONS),
    fc.constantFrom(...REGIONS).map((r) => ` ${r} `),
    fc.constant(''),
    fc.constant('  '),
  ),
  { maxLength: 4 },
);
const policyWith = (regionCodes: string[], i: number): PolicyForEligibility => ({
  id: String(i),
  externalId: null,
  title: `p${i}`,
  registered: -i,
  status: 'open',
  deadline: null,
  fields: [],
  eligibility: {
    minAge: 0,
    maxAge: 0,
    regionCodes,
    employmentCodes: [],
    educationCodes: [],
    majorCodes: [],
    specialGroupCodes: [],
    maritalCodes: [],
    incomeConditionCode: null,
    incomeMin: 0,
    incomeMax: 0,
    incomeOther: null,
  },
});

describe('regionCandidates', () => {
  it('keeps exactly the policies whose region rule does not fail, in order', () => {
    fc.assert(
      fc.property(
        fc.array(regionList, { maxLength: 30 }),
        fc.option(fc.constantFrom(...REGIONS, ' 11560', '99999'), { nil: undefined }),
        (lists, regionCode) => {
          const policies = lists.map(policyWith);
          const kept = regionCandidates(policies, regionCode);
          const expected = policies.filter(
            (p) => regionRule(p.eligibility, { birthDate: '2000-01-01', regionCode }).result !== 'fail',
          );
          expect(kept.map((p) => p.id)).toEqual(expected.map((p) => p.id));
          // A second call reads the index built by the first.
          expect(regionCandidates(policies, regionCode)).toEqual(kept);
        },
      ),
    );
  });
});
