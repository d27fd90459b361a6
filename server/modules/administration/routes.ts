import {
  BudgetView,
  FacilitiesView,
  OrganizationView,
  PlanView,
  StaffingView,
  YearQuery,
} from '../../../contracts/administration.ts';
import { routes } from '../../platform/http.ts';
import { cachedBudget } from './budget-cache.ts';
import { getFacilities, getOrganization, getPlan, getStaffing } from './queries.ts';

// Public, read-only: what the division's council report publishes anyway.
const tags = ['administration'];
const access = 'public' as const;

export const administrationRoutes = routes((app) => {
  app.get(
    '/api/v1/administration/organization',
    { config: { access }, schema: { tags, response: { 200: OrganizationView } } },
    async (req) => getOrganization(req.ctx.db, req.ctx.organizationId),
  );
  app.get(
    '/api/v1/administration/staffing',
    { config: { access }, schema: { tags, querystring: YearQuery, response: { 200: StaffingView } } },
    async (req) => getStaffing(req.ctx.db, req.ctx.organizationId, req.query.year),
  );
  app.get(
    '/api/v1/administration/facilities',
    { config: { access }, schema: { tags, response: { 200: FacilitiesView } } },
    async (req) => getFacilities(req.ctx.db, req.ctx.organizationId),
  );
  app.get(
    '/api/v1/administration/budget',
    { config: { access }, schema: { tags, querystring: YearQuery, response: { 200: BudgetView } } },
    async (req) => cachedBudget(req.ctx.db, req.ctx.organizationId, req.query.year),
  );
  app.get(
    '/api/v1/administration/plan',
    { config: { access }, schema: { tags, querystring: YearQuery, response: { 200: PlanView } } },
    async (req) => getPlan(req.ctx.db, req.ctx.organizationId, req.query.year),
  );
});
