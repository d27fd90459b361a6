import { EligibilityCheckBody, EligibilityCheckResult } from '../../../../contracts/youth-eligibility.ts';
import { routes } from '../../../platform/http.ts';
import { todayInSeoul } from '../policies/index.ts';
import { findEligiblePolicies, presentEligible, profileOf } from './check.ts';
import './messages.ts';

const tags = ['youth'];

export const eligibilityRoutes = routes((app) => {
  // Anyone may check without an account; the answer is computed and nothing of the body is kept.
  app.post(
    '/api/v1/youth/eligibility-check',
    {
      config: { access: 'public' },
      schema: { tags, body: EligibilityCheckBody, response: { 200: EligibilityCheckResult } },
    },
    async (req) => {
      const { on, ...facts } = req.body;
      const day = on ?? todayInSeoul();
      const found = await findEligiblePolicies(req.ctx.db, req.ctx.organizationId, profileOf(facts), day);
      return { items: found.map((p) => presentEligible(p, req.ctx.locale)) };
    },
  );
});
