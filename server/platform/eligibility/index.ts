// Eligibility rules every module shares: each decides for one person (pass / fail / unknown with a
// Korean and English explanation) and compiles to a SQL predicate that selects the same people.
export { type AgeRange, ageRule, ageSql, bornBy, fullYearsOn } from './age.ts';
export { fail, type Label, pass, type RuleOutcome, type RuleResult, unknown } from './outcome.ts';
export { areasSummary, residenceRule, residenceSql, textArray } from './residence.ts';
export { roleRule, roleSql } from './role.ts';
