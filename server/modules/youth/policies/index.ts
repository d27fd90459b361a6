// Youth policy catalogue: the public face for other youth features.
export { listPoliciesForEligibility, type PolicyForEligibility } from './eligibility.ts';
export { todayInSeoul } from './status.ts';
