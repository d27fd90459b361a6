import { EnterpriseList, EnterpriseListQuery, EnterpriseSummary } from '../../../contracts/social-economy.ts';
import { routes } from '../../platform/http.ts';
import { enterpriseSummary, listEnterprises } from './queries.ts';

// The enterprise registry is public information (the district publishes it).
const tags = ['social-economy'];

export const socialEconomyRoutes = routes((app) => {
  app.get(
    '/api/v1/social-economy/enterprises/summary',
    { config: { access: 'public' }, schema: { tags, response: { 200: EnterpriseSummary } } },
    async (req) => enterpriseSummary(req.ctx.db, req.ctx.organizationId),
  );
  app.get(
    '/api/v1/social-economy/enterprises',
    {
      config: { access: 'public' },
      schema: { tags, querystring: EnterpriseListQuery, response: { 200: EnterpriseList } },
    },
    async (req) => listEnterprises(req.ctx.db, req.ctx.organizationId, req.query),
  );
});
