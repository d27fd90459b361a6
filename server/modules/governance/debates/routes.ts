import {
  CloseDebateBody,
  Debate,
  DebateBody,
  DebateComment,
  DebateCommentBody,
  DebateCommentPage,
  DebateCommentQuery,
  DebateIdParams,
  DebateListQuery,
  DebatePage,
} from '../../../../contracts/governance-debates.ts';
import { ProcessIdParams } from '../../../../contracts/governance-processes.ts';
import { routes } from '../../../platform/http.ts';
import { addDebateComment, closeDebate, createDebate } from './commands.ts';
import { findDebate, listComments, listDebates } from './queries.ts';

const tags = ['governance'];
const PROCESSES = '/api/v1/governance/processes';
const BASE = '/api/v1/governance/debates';
const STAFF = '/api/v1/governance/staff';
const manage = { access: { action: 'governance.debates.manage' } } as const;

export const debateRoutes = routes((app) => {
  app.get(
    `${PROCESSES}/:id/debates`,
    {
      config: { access: 'public' },
      schema: { tags, params: ProcessIdParams, querystring: DebateListQuery, response: { 200: DebatePage } },
    },
    async (req) => listDebates(req.ctx, req.params.id, req.query),
  );
  app.get(
    `${BASE}/:id`,
    { config: { access: 'public' }, schema: { tags, params: DebateIdParams, response: { 200: Debate } } },
    async (req) => findDebate(req.ctx, req.params.id),
  );
  app.get(
    `${BASE}/:id/comments`,
    {
      config: { access: 'public' },
      schema: {
        tags,
        params: DebateIdParams,
        querystring: DebateCommentQuery,
        response: { 200: DebateCommentPage },
      },
    },
    async (req) => listComments(req.ctx, req.params.id, req.query),
  );
  app.post(
    `${BASE}/:id/comments`,
    {
      // A person writes a few comments a minute at most.
      config: { access: 'signed-in', rateLimit: { max: 20, timeWindow: 60_000 } },
      schema: { tags, params: DebateIdParams, body: DebateCommentBody, response: { 201: DebateComment } },
    },
    async (req, reply) => {
      reply.code(201);
      return addDebateComment(req.ctx, req.params.id, req.body);
    },
  );
  app.post(
    `${STAFF}/processes/:id/debates`,
    {
      config: manage,
      schema: { tags, params: ProcessIdParams, body: DebateBody, response: { 201: Debate } },
    },
    async (req, reply) => {
      reply.code(201);
      return createDebate(req.ctx, req.params.id, req.body);
    },
  );
  app.put(
    `${STAFF}/debates/:id/close`,
    {
      config: manage,
      schema: { tags, params: DebateIdParams, body: CloseDebateBody, response: { 200: Debate } },
    },
    async (req) => closeDebate(req.ctx, req.params.id, req.body),
  );
});
