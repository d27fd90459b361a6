import { EligibilityCheckBody, EligibilityCheckResult } from '../../../../contracts/youth-eligibility.ts';
import { routes } from '../../../platform/http.ts';
import { todayInSeoul } from '../../../platform/time/index.ts';
import { eligibilityCheckJson, profileOf } from './check.ts';

const tags = ['youth'];

export const eligibilityRoutes = routes((app) => {
  // Anyone may check without an account; the answer is computed and nothing of the body is kept.
  app.post(
    '/api/v1/youth/eligibility-check',
    {
      config: { access: 'public' },
      schema: { tags, body: EligibilityCheckBody, response: { 200: EligibilityCheckResult } },
    },
    async (req, reply) => {
      const { on, policyId, limit, cursor, field, status, sort, ...facts } = req.body;
      const day = on ?? todayInSeoul();
      const { db, organizationId, locale } = req.ctx;
      // Already JSON in the shape of EligibilityCheckResult: Fastify sends a JSON string as it is.
      const json = await eligibilityCheckJson(db, organizationId, profileOf(facts), day, locale, {
        limit,
        cursor,
        policyId,
        field,
        status,
        sort,
      });
      return reply.type('application/json; charset=utf-8').send(json as never);
    },
  );
});
