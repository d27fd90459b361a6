import { z } from 'zod';
import {
  Deliberation,
  DeliberationIdParams,
  DeliberationList,
  ModerationBody,
  ModerationQueue,
  NextStatement,
  OpinionMap,
  StatementBody,
  StatementIdParams,
  SubmittedStatement,
  VoteBody,
} from '../../../../contracts/governance-deliberations.ts';
import { writeAudit } from '../../../platform/audit/write.ts';
import { routes } from '../../../platform/http.ts';
import { moderateStatement, submitStatement, vote } from './commands.ts';
import { EXPORT_FILES, exportDeliberation } from './export.ts';
import { findDeliberation, listDeliberations, moderationQueue, nextFor, opinionMap } from './queries.ts';

const tags = ['governance'];
const moderate = { action: 'governance.statements.moderate' };
const BASE = '/api/v1/governance/deliberations';
const ExportParams = z.strictObject({ id: z.uuid(), file: z.enum(EXPORT_FILES) });

export const deliberationRoutes = routes((app) => {
  app.get(
    BASE,
    { config: { access: 'public' }, schema: { tags, response: { 200: DeliberationList } } },
    async (req) => ({ items: await listDeliberations(req.ctx) }),
  );
  app.get(
    `${BASE}/:id`,
    {
      config: { access: 'public' },
      schema: { tags, params: DeliberationIdParams, response: { 200: Deliberation } },
    },
    async (req) => findDeliberation(req.ctx, req.params.id),
  );
  app.get(
    `${BASE}/:id/map`,
    {
      config: { access: 'public' },
      schema: { tags, params: DeliberationIdParams, response: { 200: OpinionMap } },
    },
    async (req) => opinionMap(req.ctx, req.params.id),
  );
  app.get(
    `${BASE}/:id/next`,
    {
      config: { access: 'signed-in' },
      schema: { tags, params: DeliberationIdParams, response: { 200: NextStatement } },
    },
    async (req) => nextFor(req.ctx, req.params.id),
  );
  app.post(
    `${BASE}/:id/votes`,
    {
      // Votes come quickly (one tap each), but not hundreds a minute from one address.
      config: { access: 'signed-in', rateLimit: { max: 300, timeWindow: 60_000 } },
      schema: { tags, params: DeliberationIdParams, body: VoteBody, response: { 200: NextStatement } },
    },
    async (req) => vote(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${BASE}/:id/statements`,
    {
      config: { access: 'signed-in', rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags,
        params: DeliberationIdParams,
        body: StatementBody,
        response: { 201: SubmittedStatement },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return submitStatement(req.ctx, req.params.id, req.body);
    },
  );
  app.get(
    '/api/v1/governance/staff/statements',
    { config: { access: moderate }, schema: { tags, response: { 200: ModerationQueue } } },
    async (req) => ({ items: await moderationQueue(req.ctx) }),
  );
  app.put(
    '/api/v1/governance/staff/statements/:id/moderation',
    {
      config: { access: moderate },
      schema: {
        tags,
        params: StatementIdParams,
        body: ModerationBody,
        response: { 200: SubmittedStatement },
      },
    },
    async (req) => moderateStatement(req.ctx, req.params.id, req.body),
  );
  // A Pol.is open-data file of the deliberation (export.ts): pseudonymous numbers only; staff only,
  // audited, not cached.
  app.get(
    `${BASE}/:id/export/:file`,
    {
      config: { access: { action: 'governance.deliberations.export' } },
      schema: {
        tags,
        params: ExportParams,
        response: { 200: z.string().describe('text/csv (Pol.is open-data columns)') },
      },
    },
    async (req, reply) => {
      const { id, file } = req.params;
      const csv = await req.ctx.db.transaction(async (tx) => {
        const files = await exportDeliberation(tx, req.ctx.organizationId, id);
        await writeAudit(tx, req.ctx, {
          action: 'governance.deliberation.export',
          targetType: 'governance.deliberation',
          targetId: id,
          data: { file },
        });
        return files[file];
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="deliberation-${id.slice(0, 8)}-${file}"`)
        .header('cache-control', 'private, no-store')
        .send(csv);
    },
  );
});
