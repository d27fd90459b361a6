import type { FastifyInstance } from 'fastify';
import { eligibilityRoutes } from './eligibility/routes.ts'; // Y2: eligibility self-check
import { policyRoutes } from './policies/routes.ts';
import { profileRoutes } from './profile/routes.ts'; // Y2: youth profile and policies for me

// Youth (청년): the policy catalogue, eligibility, the youth profile. Other code imports from here.
export { listPoliciesForEligibility, type PolicyForEligibility, todayInSeoul } from './policies/index.ts';

export async function youthRoutes(app: FastifyInstance): Promise<void> {
  await policyRoutes(app);
  await eligibilityRoutes(app); // Y2
  await profileRoutes(app); // Y2
}
