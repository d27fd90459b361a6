import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateEligibility, restrictedRules } from './rules.ts';
import type { EligibilityProfile, PolicyEligibility } from './types.ts';

// Properties over arbitrary policies and people: the words always agree with the decision, and
// telling more about oneself never turns a failed rule into a passed one.
const family = (prefix: string, last: number) =>
  Array.from({ length: last }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`);
const EMPLOYMENT = family('0013', 10);
const EDUCATION = family('0049', 10);
const MAJOR = family('0011', 9);
const GROUPS = family('0014', 10);
const MARITAL = family('0055', 3);
const REGIONS = ['11560', '11290', '11110', '41110', '26110', '99999'];

// Codes a policy may list, including blanks and codes no table knows (data from elsewhere).
const listFrom = (codes: string[]) =>
  fc.array(fc.oneof(fc.constantFrom(...codes), fc.constant('  '), fc.constant('0099001')), {
    maxLength: 4,
  });
const isoDate = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
const bound = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 120 }));
const money = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20000 }));

const policy: fc.Arbitrary<PolicyEligibility> = fc.record({
  minAge: bound,
  maxAge: bound,
  regionCodes: listFrom(REGIONS),
  employmentCodes: listFrom(EMPLOYMENT),
  educationCodes: listFrom(EDUCATION),
  majorCodes: listFrom(MAJOR),
  specialGroupCodes: listFrom(GROUPS),
  maritalCodes: listFrom(MARITAL),
  incomeConditionCode: fc.constantFrom(null, '', '0043001', '0043002', '0043003'),
  incomeMin: money,
  incomeMax: money,
  incomeOther: fc.constantFrom(null, '중위소득 150% 이하 ✓'),
});

const person = fc.record({
  birthDate: isoDate('1940-01-01', '2025-12-31'),
  regionCode: fc.constantFrom(...REGIONS),
  employment: fc.constantFrom(...EMPLOYMENT.slice(0, 9)),
  education: fc.constantFrom(...EDUCATION.slice(0, 9)),
  major: fc.constantFrom(...MAJOR.slice(0, 8)),
  specialGroups: fc.uniqueArray(fc.constantFrom(...GROUPS.slice(0, 9)), { maxLength: 3 }),
  married: fc.boolean(),
  annualIncome: fc.integer({ min: 0, max: 100000 }),
});

const OPTIONAL = [
  'regionCode',
  'employment',
  'education',
  'major',
  'specialGroups',
  'married',
  'annualIncome',
] as const;

const RULE_OF = {
  regionCode: 'region',
  employment: 'employment',
  education: 'education',
  major: 'major',
  specialGroups: 'special_groups',
  married: 'marital_status',
  annualIncome: 'income',
} as const;

const on = isoDate('2020-01-01', '2030-12-31');

describe('eligibility rule properties', () => {
  it('a pass carries ✓, a fail never does, an unknown asks to check', () => {
    fc.assert(
      fc.property(policy, person, fc.subarray([...OPTIONAL]), on, (e, full, dropped, day) => {
        const p: EligibilityProfile = { ...full };
        for (const k of dropped) delete p[k];
        for (const o of evaluateEligibility(e, p, day)) {
          const { ko, en } = o.explanation;
          if (o.result === 'pass') {
            expect(ko.endsWith('✓') && en.endsWith('✓')).toBe(true);
          } else {
            expect(ko.includes('✓') || en.includes('✓')).toBe(false);
          }
          if (o.result === 'fail') expect(ko.endsWith('✗') && en.endsWith('✗')).toBe(true);
          if (o.result === 'unknown') {
            expect(ko).toContain('확인 필요');
            expect(en).toContain('check');
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('adding information never turns a fail into a pass for the same rule', () => {
    fc.assert(
      fc.property(
        policy,
        person,
        fc.subarray([...OPTIONAL], { minLength: 1 }),
        on,
        (e, full, dropped, day) => {
          const less: EligibilityProfile = { ...full };
          for (const k of dropped) delete less[k];
          const before = evaluateEligibility(e, less, day);
          const after = evaluateEligibility(e, full, day);
          before.forEach((o, i) => {
            expect(after[i].rule).toBe(o.rule);
            if (o.result === 'fail') expect(after[i].result).toBe('fail');
          });
          // A fact left out is never itself the reason for a failure.
          for (const k of dropped) expect(before.find((o) => o.rule === RULE_OF[k])?.result).not.toBe('fail');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a rule the policy does not restrict passes for everyone; one it restricts is unknown when nothing is said', () => {
    fc.assert(
      fc.property(policy, person, fc.subarray([...OPTIONAL]), on, (e, full, dropped, day) => {
        const restricted = restrictedRules(e);
        const p: EligibilityProfile = { ...full };
        for (const k of dropped) delete p[k];
        for (const o of evaluateEligibility(e, p, day))
          if (!restricted.has(o.rule)) expect(o.result).toBe('pass');
        for (const o of evaluateEligibility(e, { birthDate: '' }, day))
          expect(o.result).toBe(restricted.has(o.rule) ? 'unknown' : 'pass');
      }),
      { numRuns: 2000 },
    );
  });
});
