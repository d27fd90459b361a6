import { AuditActions, AuditPage, AuditQuery } from '../../../contracts/admin.ts';
import { routes } from '../http.ts';
import { auditActions } from './labels.ts';
import { listAudit } from './queries.ts';

export const auditRoutes = routes((app) => {
  app.get(
    '/api/v1/admin/audit',
    {
      config: { access: { action: 'admin.audit.read' } },
      schema: { tags: ['admin'], querystring: AuditQuery, response: { 200: AuditPage } },
    },
    async (req) => listAudit(req.ctx, req.query, `${req.method} ${req.routeOptions.url}`),
  );
  app.get(
    '/api/v1/admin/audit/actions',
    {
      config: { access: { action: 'admin.audit.read' } },
      schema: { tags: ['admin'], response: { 200: AuditActions } },
    },
    async (req) => ({ items: auditActions(req.ctx.locale) }),
  );
});
