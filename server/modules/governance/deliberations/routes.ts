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
import { routes } from '../../../platform/http.ts';
import { moderateStatement, submitStatement, vote } from './commands.ts';
import { findDeliberation, listDeliberations, moderationQueue, nextFor, opinionMap } from './queries.ts';

const tags = ['governance'];
const moderate = { action: 'governance.statements.moderate' };
const BASE = '/api/v1/governance/deliberations';

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
});
