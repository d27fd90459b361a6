import type { FastifyRequest } from 'fastify';
import { PolicyIdParams } from '../../../../contracts/youth-policies.ts';
import {
  AnswerBody,
  Inbox,
  Question,
  QuestionBody,
  QuestionIdParams,
  QuestionList,
} from '../../../../contracts/youth-questions.ts';
import { routes } from '../../../platform/http.ts';
import { answerQuestion, askQuestion, assertPublishedPolicy } from './commands.ts';
import { listInbox, listMyQuestions, listPolicyQuestions } from './queries.ts';

const tags = ['youth'];
const routeOf = (req: FastifyRequest) => `${req.method} ${req.routeOptions.url}`;
const answer = { action: 'youth.questions.answer' };

export const questionRoutes = routes((app) => {
  app.get(
    '/api/v1/youth/policies/:id/questions',
    {
      config: { access: 'public' },
      schema: { tags, params: PolicyIdParams, response: { 200: QuestionList } },
    },
    async (req) => {
      await assertPublishedPolicy(req.ctx, req.params.id);
      return {
        items: await listPolicyQuestions(req.ctx, routeOf(req), req.params.id),
      };
    },
  );
  app.post(
    '/api/v1/youth/policies/:id/questions',
    {
      config: { access: 'signed-in' },
      schema: { tags, params: PolicyIdParams, body: QuestionBody, response: { 200: Question } },
    },
    async (req) => askQuestion(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/v1/youth/questions/mine',
    { config: { access: 'signed-in' }, schema: { tags, response: { 200: QuestionList } } },
    async (req) => ({
      items: await listMyQuestions(req.ctx.db, req.ctx.organizationId, req.ctx.actor, req.ctx.actor.userId),
    }),
  );
  app.get(
    '/api/v1/youth/questions/inbox',
    { config: { access: answer }, schema: { tags, response: { 200: Inbox } } },
    async (req) => ({ items: await listInbox(req.ctx, routeOf(req)) }),
  );
  app.put(
    '/api/v1/youth/questions/:id/answer',
    {
      config: { access: answer },
      schema: { tags, params: QuestionIdParams, body: AnswerBody, response: { 200: Question } },
    },
    async (req) => answerQuestion(req.ctx, req.params.id, req.body, routeOf(req)),
  );
});
