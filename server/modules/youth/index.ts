import type { FastifyInstance } from 'fastify';
import { alertRoutes } from './alerts/routes.ts'; // Y4: follows and alerts
import { alertStatsRoutes } from './alerts/stats-routes.ts'; // staff: alert statistics
import { eligibilityRoutes } from './eligibility/routes.ts'; // Y2: eligibility self-check
import { calendarRoutes } from './policies/calendar.ts'; // a policy's deadlines as .ics
import { policyRoutes } from './policies/routes.ts';
import { staffPolicyRoutes } from './policies/staff-routes.ts'; // staff: every policy in any state
import { profileRoutes } from './profile/routes.ts'; // Y2: youth profile and policies for me
import { questionRoutes } from './questions/routes.ts'; // Y5: questions on policies
import { suggestionRoutes } from './suggestions/routes.ts'; // Y5: policy suggestions

// Youth (청년): the policy catalogue, eligibility, the youth profile. Other code imports from here.
export { listPoliciesForEligibility, type PolicyForEligibility, todayInSeoul } from './policies/index.ts';

export async function youthRoutes(app: FastifyInstance): Promise<void> {
  await policyRoutes(app);
  await calendarRoutes(app);
  await alertRoutes(app); // Y4
  await eligibilityRoutes(app); // Y2
  await profileRoutes(app); // Y2
  await questionRoutes(app); // Y5
  await suggestionRoutes(app); // Y5
  await staffPolicyRoutes(app);
  await alertStatsRoutes(app);
}
