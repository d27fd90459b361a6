import { forgetPoliciesForEligibility } from './eligibility.ts';
import { forgetPolicyLists } from './list-cache.ts';

/** After a policy change commits: this process's cached catalogue pages and eligibility lists go. */
export function policiesChanged(organizationId: string): void {
  forgetPoliciesForEligibility(organizationId);
  forgetPolicyLists(organizationId);
}
