// Youth policy catalogue: the public face for other youth features.

export { insertPublishedPolicy } from './commands.ts';
export { listPoliciesForEligibility, type PolicyForEligibility } from './eligibility.ts';
export { todayInSeoul } from './status.ts';
