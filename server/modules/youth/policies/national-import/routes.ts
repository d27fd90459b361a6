import { ExportEnvelope, ImportBody, ImportResult } from '../../../../../contracts/youth-policies.ts';
import { AppError } from '../../../../platform/errors.ts';
import { routes } from '../../../../platform/http.ts';
import { MANAGE_POLICIES } from '../policy.ts';
import { exportPolicies } from './export.ts';
import { importPolicies, recordsOf } from './import.ts';

// The national catalogue (온통청년 getPlcy) in and out, for staff.
const tags = ['youth'];
const manage = { action: MANAGE_POLICIES };
const IMPORT_BODY_LIMIT = 30 * 1024 * 1024; // the national catalogue (about 2,600 policies) is ~10 MB

export const nationalImportRoutes = routes((app) => {
  app.get(
    '/api/v1/youth/policies/export',
    { config: { access: manage }, schema: { tags, response: { 200: ExportEnvelope } } },
    async (req) => exportPolicies(req.ctx.db, req.ctx.organizationId),
  );
  app.post(
    '/api/v1/youth/policies/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { access: manage },
      schema: { tags, body: ImportBody, response: { 200: ImportResult } },
    },
    async (req) => {
      const records = recordsOf(req.body);
      if (!records) throw new AppError('youth_import_unreadable', 400);
      return importPolicies(req.ctx.db, req.ctx, records, req.ctx.locale);
    },
  );
});
