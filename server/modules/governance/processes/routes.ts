import {
  Process,
  ProcessBody,
  ProcessIdParams,
  ProcessList,
} from '../../../../contracts/governance-processes.ts';
import { routes } from '../../../platform/http.ts';
import { createProcess, updateProcess } from './commands.ts';
import { findProcess, listProcesses } from './queries.ts';

const tags = ['governance'];
const manage = { action: 'governance.processes.manage' };
const BASE = '/api/v1/governance/processes';
const STAFF = '/api/v1/governance/staff/processes';

export const processRoutes = routes((app) => {
  app.get(
    BASE,
    { config: { access: 'public' }, schema: { tags, response: { 200: ProcessList } } },
    async (req) => ({ items: await listProcesses(req.ctx) }),
  );
  app.get(
    `${BASE}/:id`,
    { config: { access: 'public' }, schema: { tags, params: ProcessIdParams, response: { 200: Process } } },
    async (req) => findProcess(req.ctx.db, req.ctx.organizationId, req.params.id),
  );
  app.post(
    STAFF,
    { config: { access: manage }, schema: { tags, body: ProcessBody, response: { 201: Process } } },
    async (req, reply) => {
      reply.code(201);
      return createProcess(req.ctx, req.body);
    },
  );
  app.put(
    `${STAFF}/:id`,
    {
      config: { access: manage },
      schema: { tags, params: ProcessIdParams, body: ProcessBody, response: { 200: Process } },
    },
    async (req) => updateProcess(req.ctx, req.params.id, req.body),
  );
});
