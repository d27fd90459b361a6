import { AuditPage, AuditQuery } from '../../../contracts/admin.ts';
import { routes } from '../http.ts';
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
});
