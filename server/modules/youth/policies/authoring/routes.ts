import { z } from 'zod';
import {
  PolicyCreateBody,
  PolicyIdParams,
  PolicyPatchBody,
  PolicyRevisions,
  TransitionBody,
} from '../../../../../contracts/youth-policies.ts';
import { StaffPolicyList, StaffPolicyListQuery } from '../../../../../contracts/youth-staff.ts';
import { routes } from '../../../../platform/http.ts';
import { MANAGE_POLICIES } from '../policy.ts';
import { createPolicy, transitionPolicy, updatePolicy } from './commands.ts';
import { listRevisions, listStaffPolicies } from './queries.ts';

// Staff authoring of local policies: write, move through the workflow, read revisions and the
// staff list of every policy in any state.
const tags = ['youth'];
const manage = { action: MANAGE_POLICIES };
const Created = z.object({ id: z.uuid() });
const Ok = z.object({ ok: z.literal(true) });

export const authoringRoutes = routes((app) => {
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
  app.get(
    '/api/v1/youth/staff/policies',
    {
      config: { access: manage },
      schema: { tags, querystring: StaffPolicyListQuery, response: { 200: StaffPolicyList } },
    },
    async (req) => listStaffPolicies(req.ctx.db, req.ctx.organizationId, req.query),
  );
});
