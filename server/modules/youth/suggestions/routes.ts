import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  QuestionIdParams,
  Suggestion,
  SuggestionBody,
  SuggestionList,
  SuggestionStatus,
  SuggestionStatusBody,
} from '../../../../contracts/youth-questions.ts';
import { routes } from '../../../platform/http.ts';
import { changeSuggestionStatus, submitSuggestion } from './commands.ts';
import { listSuggestions } from './queries.ts';

const tags = ['youth'];
const routeOf = (req: FastifyRequest) => `${req.method} ${req.routeOptions.url}`;
const ListQuery = z.strictObject({ status: SuggestionStatus.optional() });

export const suggestionRoutes = routes((app) => {
  app.get(
    '/api/v1/youth/suggestions',
    {
      config: { access: 'public' },
      schema: { tags, querystring: ListQuery, response: { 200: SuggestionList } },
    },
    async (req) => ({ items: await listSuggestions(req.ctx, { status: req.query.status }, routeOf(req)) }),
  );
  app.post(
    '/api/v1/youth/suggestions',
    {
      config: { access: 'signed-in' },
      schema: { tags, body: SuggestionBody, response: { 200: Suggestion } },
    },
    async (req) => submitSuggestion(req.ctx, req.body, routeOf(req)),
  );
  app.get(
    '/api/v1/youth/suggestions/mine',
    { config: { access: 'signed-in' }, schema: { tags, response: { 200: SuggestionList } } },
    async (req) => ({
      items: await listSuggestions(req.ctx, { authorId: req.ctx.actor.userId }, routeOf(req)),
    }),
  );
  app.put(
    '/api/v1/youth/suggestions/:id/status',
    {
      config: { access: { action: 'youth.suggestions.manage' } },
      schema: { tags, params: QuestionIdParams, body: SuggestionStatusBody, response: { 200: Suggestion } },
    },
    async (req) => changeSuggestionStatus(req.ctx, req.params.id, req.body, routeOf(req)),
  );
});
