import {
  PolicyDetail,
  PolicyIdParams,
  PolicyList,
  PolicyListQuery,
} from '../../../../../contracts/youth-policies.ts';
import { can } from '../../../../platform/access/authorize.ts';
import { AppError } from '../../../../platform/errors.ts';
import { routes } from '../../../../platform/http.ts';
import { MANAGE_POLICIES } from '../policy.ts';
import { cachedPolicyList } from './list-cache.ts';
import { getPolicyDetail, listPoliciesJson } from './queries.ts';

// The public read of the catalogue: the list with its search and filters, and one policy (staff
// also see the ones not yet published).
const tags = ['youth'];

export const catalogueRoutes = routes((app) => {
  app.get(
    '/api/v1/youth/policies',
    {
      config: { access: 'public' },
      schema: { tags, querystring: PolicyListQuery, response: { 200: PolicyList } },
    },
    async (req, reply) => {
      const page = await cachedPolicyList(req.ctx.db, req.ctx.organizationId, req.query, () =>
        listPoliciesJson(req.ctx.db, req.ctx.organizationId, req.query),
      );
      // Already JSON in the shape of PolicyList (the schema stays for the API description):
      // checking, serializing and encoding every page again cost more than the search itself.
      return reply.type('application/json; charset=utf-8').send(page as never);
    },
  );
  app.get(
    '/api/v1/youth/policies/:id',
    {
      config: { access: 'public' },
      schema: { tags, params: PolicyIdParams, response: { 200: PolicyDetail } },
    },
    async (req) => {
      const unpublished = can(req.ctx.actor, MANAGE_POLICIES);
      const detail = await getPolicyDetail(req.ctx.db, req.ctx.organizationId, req.params.id, {
        unpublished,
      });
      if (!detail) throw new AppError('not_found', 404);
      return detail;
    },
  );
});
