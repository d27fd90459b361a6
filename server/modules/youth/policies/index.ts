// Youth policy catalogue: the public face for other youth features.

export { insertPublishedPolicy } from './commands.ts';
export { listPoliciesForEligibility, type PolicyForEligibility } from './eligibility.ts';
export { policiesImported, policyChanged, policyPublished } from './events.ts';
