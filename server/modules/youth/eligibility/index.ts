// Eligibility: the rules as pure functions and the self-check. What other youth features use.
export { type EligiblePolicy, findEligiblePolicies, presentEligible } from './check.ts';
export { INCOME_ANNUAL, MARRIED, NO_RESTRICTION, UNMARRIED } from './codes.ts';
export type { EligibilityProfile, PolicyEligibility } from './types.ts';
