import { z } from 'zod';
import {
  ExportEnvelope,
  ImportBody,
  ImportResult,
  PolicyCreateBody,
  PolicyDetail,
  PolicyIdParams,
  PolicyList,
  PolicyListQuery,
  PolicyPatchBody,
  PolicyRevisions,
  TransitionBody,
} from '../../../../contracts/youth-policies.ts';
import { can } from '../../../platform/access/authorize.ts';
import { AppError } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http.ts';
import { createPolicy, exportPolicies, listRevisions, transitionPolicy, updatePolicy } from './commands.ts';
import { importPolicies, recordsOf } from './import.ts';
import { cachedPolicyList } from './list-cache.ts';
import { getPolicyDetail, listPoliciesJson } from './queries.ts';

const tags = ['youth'];
const manage = { action: 'youth.policies.manage' };
const IMPORT_BODY_LIMIT = 30 * 1024 * 1024; // the national catalogue (about 2,600 policies) is ~10 MB
const Created = z.object({ id: z.uuid() });
const Ok = z.object({ ok: z.literal(true) });

export const policyRoutes = routes((app) => {
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
  app.get(
    '/api/v1/youth/policies/:id',
    {
      config: { access: 'public' },
      schema: { tags, params: PolicyIdParams, response: { 200: PolicyDetail } },
    },
    async (req) => {
      const unpublished = can(req.ctx.actor, manage.action);
      const detail = await getPolicyDetail(req.ctx.db, req.ctx.organizationId, req.params.id, {
        unpublished,
      });
      if (!detail) throw new AppError('not_found', 404);
      return detail;
    },
  );
  app.post(
    '/api/v1/youth/policies',
    { config: { access: manage }, schema: { tags, body: PolicyCreateBody, response: { 201: Created } } },
    async (req, reply) => reply.code(201).send(await createPolicy(req.ctx, req.body)),
  );
  app.patch(
    '/api/v1/youth/policies/:id',
    {
      config: { access: manage },
      schema: { tags, params: PolicyIdParams, body: PolicyPatchBody, response: { 200: Ok } },
    },
    async (req) => {
      await updatePolicy(req.ctx, req.params.id, req.body);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/v1/youth/policies/:id/transition',
    {
      config: { access: manage },
      schema: { tags, params: PolicyIdParams, body: TransitionBody, response: { 200: Ok } },
    },
    async (req) => {
      await transitionPolicy(req.ctx, req.params.id, req.body.to);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/v1/youth/policies/:id/revisions',
    {
      config: { access: manage },
      schema: { tags, params: PolicyIdParams, response: { 200: PolicyRevisions } },
    },
    async (req) => listRevisions(req.ctx, req.params.id),
  );
});
