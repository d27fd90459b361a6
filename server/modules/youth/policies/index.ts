// Youth policy catalogue: the public face for other youth features.

export { policyDeadlineEvents } from './calendar.ts';
export { insertPublishedPolicy } from './commands.ts';
export {
  cachedPoliciesForEligibility,
  listPoliciesForEligibility,
  type PolicyForEligibility,
} from './eligibility.ts';
export { policiesImported, policyChanged, policyPublished } from './events.ts';
export { applyStatus } from './status.ts';
export { youthPolicies } from './tables.ts';
