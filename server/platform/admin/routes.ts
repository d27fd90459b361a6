import {
  AccessLogPage,
  AccessLogQuery,
  GrantRoleBody,
  OrganizationPatch,
  OrganizationSettings,
  RoleParams,
  RolesResult,
  UserDetail,
  UserDetailQuery,
  UserIdParams,
  UsersPage,
  UsersQuery,
} from '../../../contracts/admin.ts';
import { routes } from '../http.ts';
import { listPersonalDataAccess } from '../privacy/access-log.ts';
import { grantRole, revokeRole, updateOrganization } from './commands.ts';
import { listUsers, organizationSettings, readUserPersonalData } from './queries.ts';

const tags = ['admin'];

export const adminRoutes = routes((app) => {
  app.get(
    '/api/v1/admin/users',
    {
      config: { access: { action: 'admin.users.list' } },
      schema: { tags, querystring: UsersQuery, response: { 200: UsersPage } },
    },
    async (req) => listUsers(req.ctx, req.query, `${req.method} ${req.routeOptions.url}`),
  );

  app.get(
    '/api/v1/admin/users/:id',
    {
      config: { access: { action: 'admin.users.read-personal-data' } },
      schema: { tags, params: UserIdParams, querystring: UserDetailQuery, response: { 200: UserDetail } },
    },
    async (req) =>
      readUserPersonalData(req.ctx, req.params.id, req.query.reason, `${req.method} ${req.routeOptions.url}`),
  );

  app.post(
    '/api/v1/admin/users/:id/roles',
    {
      config: { access: { action: 'admin.roles.manage' } },
      schema: { tags, params: UserIdParams, body: GrantRoleBody, response: { 200: RolesResult } },
    },
    async (req) => ({ roles: await grantRole(req.ctx, req.params.id, req.body.role) }),
  );

  app.delete(
    '/api/v1/admin/users/:id/roles/:role',
    {
      config: { access: { action: 'admin.roles.manage' } },
      schema: { tags, params: RoleParams, response: { 200: RolesResult } },
    },
    async (req) => ({ roles: await revokeRole(req.ctx, req.params.id, req.params.role) }),
  );

  app.get(
    '/api/v1/admin/personal-data-access-log',
    {
      config: { access: { action: 'admin.access-log.read' } },
      schema: { tags, querystring: AccessLogQuery, response: { 200: AccessLogPage } },
    },
    async (req) => listPersonalDataAccess(req.ctx, req.query, `${req.method} ${req.routeOptions.url}`),
  );

  app.get(
    '/api/v1/admin/organization',
    {
      config: { access: { action: 'admin.organization.manage' } },
      schema: { tags, response: { 200: OrganizationSettings } },
    },
    async (req) => organizationSettings(req.ctx.db, req.ctx.organizationId),
  );

  app.patch(
    '/api/v1/admin/organization',
    {
      config: { access: { action: 'admin.organization.manage' } },
      schema: { tags, body: OrganizationPatch, response: { 200: OrganizationSettings } },
    },
    async (req) => updateOrganization(req.ctx, req.body),
  );
});
