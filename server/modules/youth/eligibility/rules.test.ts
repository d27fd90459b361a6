import { describe, expect, it } from 'vitest';
import { fullYearsOn, isRealDate } from './age.ts';
import { evaluateEligibility, isEligible } from './rules.ts';
import type { EligibilityProfile, PolicyEligibility, RuleName, RuleResult } from './types.ts';

// The rules of issue 3 as a table: each row is a policy condition, a person, a date, and the
// expected result and explanation of one rule.
const open: PolicyEligibility = {
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
const someone: EligibilityProfile = { birthDate: '1998-05-01' };
const ON = '2026-11-27';

interface Case {
  name: string;
  rule: RuleName;
  policy: Partial<PolicyEligibility>;
  person?: Partial<EligibilityProfile>;
  on?: string;
  result: RuleResult;
  ko: string;
  en?: string;
}

const cases: Case[] = [
  // age: 0 bounds are "not given"; age in full years on the date
  {
    name: 'no bounds',
    rule: 'age',
    policy: {},
    result: 'pass',
    ko: '연령 제한 없음 ✓',
    en: 'No age limit ✓',
  },
  {
    name: 'inside 19–34',
    rule: 'age',
    policy: { minAge: 19, maxAge: 34 },
    result: 'pass',
    ko: '만 19~34세 ✓',
    en: 'Ages 19–34 ✓',
  },
  {
    name: 'min 0 means only a maximum',
    rule: 'age',
    policy: { minAge: 0, maxAge: 28 },
    result: 'pass',
    ko: '만 28세 이하 ✓',
  },
  {
    name: 'max 0 means only a minimum',
    rule: 'age',
    policy: { minAge: 19, maxAge: 0 },
    person: { birthDate: '1950-01-01' },
    result: 'pass',
    ko: '만 19세 이상 ✓',
  },
  {
    name: 'over the maximum',
    rule: 'age',
    policy: { minAge: 19, maxAge: 24 },
    result: 'fail',
    ko: '만 19~24세 대상 — 만 28세 해당 없음 ✗',
    en: 'For ages 19–24 — you are 28 ✗',
  },
  {
    name: 'turns 19 on the check date',
    rule: 'age',
    policy: { minAge: 19 },
    person: { birthDate: '2007-11-27' },
    result: 'pass',
    ko: '만 19세 이상 ✓',
  },
  {
    name: 'still 18 the day before the 19th birthday',
    rule: 'age',
    policy: { minAge: 19 },
    person: { birthDate: '2007-11-28' },
    result: 'fail',
    ko: '만 19세 이상 대상 — 만 18세 해당 없음 ✗',
  },
  {
    name: 'still 34 on the day before the 35th birthday',
    rule: 'age',
    policy: { maxAge: 34 },
    person: { birthDate: '1991-11-28' },
    result: 'pass',
    ko: '만 34세 이하 ✓',
  },
  {
    name: 'no longer 34 on the 35th birthday',
    rule: 'age',
    policy: { maxAge: 34 },
    person: { birthDate: '1991-11-27' },
    result: 'fail',
    ko: '만 34세 이하 대상 — 만 35세 해당 없음 ✗',
  },
  {
    name: 'leap-day birthday: still 18 on 28 February of a common year',
    rule: 'age',
    policy: { minAge: 19 },
    person: { birthDate: '2004-02-29' },
    on: '2023-02-28',
    result: 'fail',
    ko: '만 19세 이상 대상 — 만 18세 해당 없음 ✗',
  },
  {
    name: 'leap-day birthday: 19 on 1 March of a common year',
    rule: 'age',
    policy: { minAge: 19 },
    person: { birthDate: '2004-02-29' },
    on: '2023-03-01',
    result: 'pass',
    ko: '만 19세 이상 ✓',
  },
  {
    name: 'leap-day birthday: 20 on 29 February of a leap year',
    rule: 'age',
    policy: { minAge: 20 },
    person: { birthDate: '2004-02-29' },
    on: '2024-02-29',
    result: 'pass',
    ko: '만 20세 이상 ✓',
  },

  // region: an empty list is anywhere
  {
    name: 'empty list',
    rule: 'region',
    policy: { regionCodes: [] },
    person: { regionCode: '11290' },
    result: 'pass',
    ko: '지역 제한 없음 ✓',
  },
  {
    name: 'blank-padded list is empty',
    rule: 'region',
    policy: { regionCodes: ['  ', ''] },
    result: 'pass',
    ko: '지역 제한 없음 ✓',
  },
  {
    name: 'lives in a listed district',
    rule: 'region',
    policy: { regionCodes: ['11110', '11560'] },
    person: { regionCode: '11560' },
    result: 'pass',
    ko: '영등포구 거주 ✓',
    en: 'Lives in Yeongdeungpo-gu ✓',
  },
  {
    name: 'lives elsewhere',
    rule: 'region',
    policy: { regionCodes: ['11290'] },
    person: { regionCode: '11560' },
    result: 'fail',
    ko: '성북구 거주자 대상 — 영등포구 해당 없음 ✗',
    en: 'For residents of Seongbuk-gu — not Yeongdeungpo-gu ✗',
  },
  {
    name: 'outside Seoul: the code stands for the name',
    rule: 'region',
    policy: { regionCodes: ['41110'] },
    person: { regionCode: '41110' },
    result: 'pass',
    ko: '지역 코드 41110 거주 ✓',
    en: 'Lives in region code 41110 ✓',
  },
  {
    name: 'long lists are summarised',
    rule: 'region',
    policy: { regionCodes: ['11110', '11140', '11170', '11200'] },
    person: { regionCode: '26110' },
    result: 'fail',
    ko: '종로구 등 4곳 거주자 대상 — 지역 코드 26110 해당 없음 ✗',
  },
  {
    name: 'region not given',
    rule: 'region',
    policy: { regionCodes: ['11560'] },
    result: 'unknown',
    ko: '영등포구 거주자 대상 — 확인 필요',
    en: 'For residents of Yeongdeungpo-gu — please check',
  },

  // employment, education, major, marital status: a list unless it holds the no-restriction code
  {
    name: 'employment not given',
    rule: 'employment',
    policy: { employmentCodes: ['0013003'] },
    result: 'unknown',
    ko: '미취업자 대상 — 확인 필요',
    en: 'For: unemployed — please check',
  },
  {
    name: 'unemployed person, policy for the unemployed',
    rule: 'employment',
    policy: { employmentCodes: ['0013003', '0013006'] },
    person: { employment: '0013003' },
    result: 'pass',
    ko: '미취업자 대상 ✓',
  },
  {
    name: 'employed person, policy for the unemployed',
    rule: 'employment',
    policy: { employmentCodes: ['0013003'] },
    person: { employment: '0013001' },
    result: 'fail',
    ko: '미취업자 대상 — 재직자 해당 없음 ✗',
    en: 'For: unemployed — not employed ✗',
  },
  {
    name: 'employment no-restriction code among others',
    rule: 'employment',
    policy: { employmentCodes: ['0013003', '0013010'] },
    person: { employment: '0013001' },
    result: 'pass',
    ko: '취업 상태 제한 없음 ✓',
  },
  {
    name: 'blank-padded employment codes are read trimmed',
    rule: 'employment',
    policy: { employmentCodes: [' 0013003 ', '   '] },
    person: { employment: '0013003' },
    result: 'pass',
    ko: '미취업자 대상 ✓',
  },
  {
    name: 'employment empty list',
    rule: 'employment',
    policy: { employmentCodes: [] },
    result: 'pass',
    ko: '취업 상태 제한 없음 ✓',
  },
  {
    name: 'education no-restriction code',
    rule: 'education',
    policy: { educationCodes: ['0049010'] },
    person: { education: '0049001' },
    result: 'pass',
    ko: '학력 제한 없음 ✓',
  },
  {
    name: 'education listed',
    rule: 'education',
    policy: { educationCodes: ['0049005', '0049006'] },
    person: { education: '0049006' },
    result: 'pass',
    ko: '대졸 예정 대상 ✓',
  },
  {
    name: 'education not listed',
    rule: 'education',
    policy: { educationCodes: ['0049005'] },
    person: { education: '0049007' },
    result: 'fail',
    ko: '대학 재학 대상 — 대학 졸업 해당 없음 ✗',
  },
  {
    name: 'major no-restriction code',
    rule: 'major',
    policy: { majorCodes: ['0011009'] },
    person: { major: '0011001' },
    result: 'pass',
    ko: '전공 제한 없음 ✓',
  },
  {
    name: 'major not listed',
    rule: 'major',
    policy: { majorCodes: ['0011004', '0011005'] },
    person: { major: '0011001' },
    result: 'fail',
    ko: '이학계열·공학계열 대상 — 인문계열 해당 없음 ✗',
    en: 'For: natural sciences, engineering — not humanities ✗',
  },
  {
    name: 'major not given',
    rule: 'major',
    policy: { majorCodes: ['0011005'] },
    result: 'unknown',
    ko: '공학계열 대상 — 확인 필요',
  },
  {
    name: 'married, policy for the married',
    rule: 'marital_status',
    policy: { maritalCodes: ['0055001'] },
    person: { married: true },
    result: 'pass',
    ko: '기혼 대상 ✓',
  },
  {
    name: 'unmarried, policy for the married',
    rule: 'marital_status',
    policy: { maritalCodes: ['0055001'] },
    person: { married: false },
    result: 'fail',
    ko: '기혼 대상 — 미혼 해당 없음 ✗',
  },
  {
    name: 'marital no-restriction code',
    rule: 'marital_status',
    policy: { maritalCodes: ['0055003'] },
    person: { married: false },
    result: 'pass',
    ko: '혼인 상태 제한 없음 ✓',
  },
  {
    name: 'marital status not given',
    rule: 'marital_status',
    policy: { maritalCodes: ['0055002'] },
    result: 'unknown',
    ko: '미혼 대상 — 확인 필요',
  },

  // special groups: unless 0014010 is listed, the person must belong to one listed group
  {
    name: 'special groups empty list',
    rule: 'special_groups',
    policy: { specialGroupCodes: [] },
    person: { specialGroups: [] },
    result: 'pass',
    ko: '특화 대상 제한 없음 ✓',
  },
  {
    name: 'special groups with 0014010',
    rule: 'special_groups',
    policy: { specialGroupCodes: ['0014002', '0014010'] },
    person: { specialGroups: [] },
    result: 'pass',
    ko: '특화 대상 제한 없음 ✓',
  },
  {
    name: 'belongs to one of the listed groups',
    rule: 'special_groups',
    policy: { specialGroupCodes: ['0014003', '0014004'] },
    person: { specialGroups: ['0014002', '0014004'] },
    result: 'pass',
    ko: '한부모가정 대상 ✓',
  },
  {
    name: 'belongs to no listed group',
    rule: 'special_groups',
    policy: { specialGroupCodes: ['0014001'] },
    person: { specialGroups: ['0014002'] },
    result: 'fail',
    ko: '중소기업 대상 — 여성 해당 없음 ✗',
  },
  {
    name: 'says they belong to no group',
    rule: 'special_groups',
    policy: { specialGroupCodes: ['0014005'] },
    person: { specialGroups: [] },
    result: 'fail',
    ko: '장애인 대상 — 해당 집단 없음 ✗',
    en: 'For: disabled — you belong to none ✗',
  },
  {
    name: 'special groups not given',
    rule: 'special_groups',
    policy: { specialGroupCodes: ['0014001'] },
    result: 'unknown',
    ko: '중소기업 대상 — 확인 필요',
    en: 'For: SME — please check',
  },

  // income: only under 0043002, in 만원, a 0 bound being open
  {
    name: 'no condition',
    rule: 'income',
    policy: { incomeConditionCode: '0043001', incomeMax: 5000 },
    person: { annualIncome: 9000 },
    result: 'pass',
    ko: '소득 제한 없음 ✓',
  },
  {
    name: 'null condition',
    rule: 'income',
    policy: { incomeConditionCode: null },
    result: 'pass',
    ko: '소득 제한 없음 ✓',
  },
  {
    name: 'blank condition',
    rule: 'income',
    policy: { incomeConditionCode: '   ', incomeMax: 5000 },
    person: { annualIncome: 9000 },
    result: 'pass',
    ko: '소득 제한 없음 ✓',
  },
  {
    name: 'annual income with both bounds 0 is open',
    rule: 'income',
    policy: { incomeConditionCode: '0043002', incomeMin: 0, incomeMax: 0 },
    result: 'pass',
    ko: '소득 제한 없음 ✓',
  },
  {
    name: 'annual income at the maximum',
    rule: 'income',
    policy: { incomeConditionCode: '0043002', incomeMax: 5000 },
    person: { annualIncome: 5000 },
    result: 'pass',
    ko: '연소득 5,000만 원 이하 ✓',
    en: 'Annual income of at most 50,000,000 won ✓',
  },
  {
    name: 'annual income above the maximum',
    rule: 'income',
    policy: { incomeConditionCode: '0043002', incomeMax: 5000 },
    person: { annualIncome: 5001 },
    result: 'fail',
    ko: '연소득 5,000만 원 이하 대상 — 연소득 5,001만 원 해당 없음 ✗',
  },
  {
    name: 'annual income below the minimum (max 0 is open)',
    rule: 'income',
    policy: { incomeConditionCode: '0043002', incomeMin: 2000, incomeMax: 0 },
    person: { annualIncome: 0 },
    result: 'fail',
    ko: '연소득 2,000만 원 이상 대상 — 연소득 0만 원 해당 없음 ✗',
  },
  {
    name: 'annual income between both bounds',
    rule: 'income',
    policy: { incomeConditionCode: '0043002', incomeMin: 2000, incomeMax: 6001 },
    person: { annualIncome: 2000 },
    result: 'pass',
    ko: '연소득 2,000만~6,001만 원 ✓',
    en: 'Annual income 20,000,000–60,010,000 won ✓',
  },
  {
    name: 'annual income not given',
    rule: 'income',
    policy: { incomeConditionCode: '0043002', incomeMax: 7500 },
    result: 'unknown',
    ko: '연소득 7,500만 원 이하 대상 — 확인 필요',
  },
  {
    name: 'other income condition (text) excludes no one but asks to check',
    rule: 'income',
    policy: { incomeConditionCode: '0043003', incomeOther: '중위소득 150% 이하' },
    person: { annualIncome: 3000 },
    result: 'unknown',
    ko: '별도 소득 조건(공고문 참고) — 확인 필요',
    en: 'Other income conditions (see the notice) — please check',
  },
];

describe('eligibility rules', () => {
  it.each(cases)('$rule: $name → $result', (c) => {
    const outcomes = evaluateEligibility({ ...open, ...c.policy }, { ...someone, ...c.person }, c.on ?? ON);
    const o = outcomes.find((x) => x.rule === c.rule);
    expect(o?.result).toBe(c.result);
    expect(o?.explanation.ko).toBe(c.ko);
    if (c.en) expect(o?.explanation.en).toBe(c.en);
  });

  it('reports every rule in a fixed order, and a fit is "no fail"', () => {
    const outcomes = evaluateEligibility(open, someone, ON);
    expect(outcomes.map((o) => o.rule)).toEqual([
      'age',
      'region',
      'employment',
      'education',
      'major',
      'special_groups',
      'marital_status',
      'income',
    ]);
    expect(isEligible(outcomes)).toBe(true);
    const unknowns = evaluateEligibility({ ...open, employmentCodes: ['0013003'] }, someone, ON);
    expect(isEligible(unknowns)).toBe(true);
    const failing = evaluateEligibility({ ...open, maxAge: 20 }, someone, ON);
    expect(isEligible(failing)).toBe(false);
  });
});

describe('dates', () => {
  it.each([
    ['2000-01-01', '2000-01-01', 0],
    ['2000-05-01', '2026-04-30', 25],
    ['2000-05-01', '2026-05-01', 26],
    ['2000-02-29', '2001-02-28', 0],
    ['2000-02-29', '2001-03-01', 1],
    ['2000-12-31', '2001-01-01', 0],
  ])('born %s, on %s: %i full years', (birth, on, years) => {
    expect(fullYearsOn(birth, on)).toBe(years);
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-04-31', false],
    ['24-01-01', false],
    ['2024-1-01', false],
  ])('%s is a real date: %s', (value, real) => {
    expect(isRealDate(value)).toBe(real);
  });
});
