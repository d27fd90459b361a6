import { ProcessIdParams } from '../../../../contracts/governance-processes.ts';
import {
  AmendmentBody,
  AmendmentDecision,
  AmendmentIdParams,
  AnswerBody,
  CommentBody,
  Proposal,
  ProposalBody,
  ProposalIdParams,
  ProposalListQuery,
  ProposalPage,
  SimilarList,
  SimilarQuery,
  SupportResult,
} from '../../../../contracts/governance-proposals.ts';
import { routes } from '../../../platform/http.ts';
import { editProposal, withdrawProposal } from './authoring.ts';
import {
  addComment,
  answerProposal,
  createProposal,
  decideAmendment,
  proposeAmendment,
  setSupport,
} from './commands.ts';
import { findProposal, listProposals, similarTitles } from './queries.ts';

const tags = ['governance'];
const PROCESSES = '/api/v1/governance/processes';
const BASE = '/api/v1/governance/proposals';
// Posting is rate-limited per route: a person writes a few proposals, comments and amendments a minute at most.
const writes = { access: 'signed-in' as const, rateLimit: { max: 20, timeWindow: 60_000 } };

export const proposalRoutes = routes((app) => {
  app.get(
    `${PROCESSES}/:id/proposals`,
    {
      config: { access: 'public' },
      schema: {
        tags,
        params: ProcessIdParams,
        querystring: ProposalListQuery,
        response: { 200: ProposalPage },
      },
    },
    async (req) => listProposals(req.ctx, req.params.id, req.query),
  );
  app.get(
    `${PROCESSES}/:id/proposals/similar`,
    {
      config: { access: 'public', rateLimit: { max: 120, timeWindow: 60_000 } },
      schema: { tags, params: ProcessIdParams, querystring: SimilarQuery, response: { 200: SimilarList } },
    },
    async (req) => similarTitles(req.ctx, req.params.id, req.query.title),
  );
  app.post(
    `${PROCESSES}/:id/proposals`,
    {
      config: writes,
      schema: { tags, params: ProcessIdParams, body: ProposalBody, response: { 201: Proposal } },
    },
    async (req, reply) => {
      reply.code(201);
      return createProposal(req.ctx, req.params.id, req.body);
    },
  );
  app.get(
    `${BASE}/:id`,
    { config: { access: 'public' }, schema: { tags, params: ProposalIdParams, response: { 200: Proposal } } },
    async (req) => findProposal(req.ctx, req.params.id),
  );
  app.put(
    `${BASE}/:id`,
    {
      config: writes,
      schema: {
        tags,
        summary: 'Edit a proposal (its author only)',
        description:
          'Title, text, category and place, while the phase takes proposals, before anyone else supports it, before an answer, while it is not hidden and not withdrawn (409 otherwise). Audited; the same text again changes nothing.',
        params: ProposalIdParams,
        body: ProposalBody,
        response: { 200: Proposal },
      },
    },
    async (req) => editProposal(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${BASE}/:id/withdraw`,
    {
      config: writes,
      schema: {
        tags,
        summary: 'Withdraw a proposal (철회; its author only)',
        description:
          'Any time until staff accept or reject it (409 then). It leaves the list and the search, takes no more supports and its image is no longer served; the page says it was withdrawn. Audited; withdrawing again changes nothing.',
        params: ProposalIdParams,
        response: { 200: Proposal },
      },
    },
    async (req) => withdrawProposal(req.ctx, req.params.id),
  );
  app.put(
    `${BASE}/:id/support`,
    {
      config: { access: 'signed-in' },
      schema: { tags, params: ProposalIdParams, response: { 200: SupportResult } },
    },
    async (req) => setSupport(req.ctx, req.params.id, true),
  );
  app.delete(
    `${BASE}/:id/support`,
    {
      config: { access: 'signed-in' },
      schema: { tags, params: ProposalIdParams, response: { 200: SupportResult } },
    },
    async (req) => setSupport(req.ctx, req.params.id, false),
  );
  app.post(
    `${BASE}/:id/comments`,
    {
      config: writes,
      schema: { tags, params: ProposalIdParams, body: CommentBody, response: { 201: Proposal } },
    },
    async (req, reply) => {
      reply.code(201);
      return addComment(req.ctx, req.params.id, req.body);
    },
  );
  app.post(
    `${BASE}/:id/amendments`,
    {
      config: writes,
      schema: { tags, params: ProposalIdParams, body: AmendmentBody, response: { 201: Proposal } },
    },
    async (req, reply) => {
      reply.code(201);
      return proposeAmendment(req.ctx, req.params.id, req.body);
    },
  );
  app.put(
    '/api/v1/governance/amendments/:id/decision',
    {
      config: { access: 'signed-in' },
      schema: { tags, params: AmendmentIdParams, body: AmendmentDecision, response: { 200: Proposal } },
    },
    async (req) => decideAmendment(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/api/v1/governance/staff/proposals/:id/answer',
    {
      config: { access: { action: 'governance.proposals.answer' } },
      schema: {
        tags,
        summary: 'Answer a proposal officially (staff)',
        description:
          'Accepted, rejected or under review, audited; the authors are notified. A proposal its author withdrew is not answered (409).',
        params: ProposalIdParams,
        body: AnswerBody,
        response: { 200: Proposal },
      },
    },
    async (req) => answerProposal(req.ctx, req.params.id, req.body),
  );
});
