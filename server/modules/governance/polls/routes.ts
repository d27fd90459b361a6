import {
  Ballot,
  BallotBody,
  Poll,
  PollBody,
  PollIdParams,
  PollList,
  PollListQuery,
  PollResults,
  StaffPoll,
  StaffPollList,
} from '../../../../contracts/governance-polls.ts';
import { routes } from '../../../platform/http.ts';
import { castBallot, closePoll, createPoll, updatePoll } from './commands.ts';
import { findPoll, listPolls, pollResults, staffPoll, staffPolls } from './queries.ts';

const tags = ['governance'];
const manage = { action: 'governance.polls.manage' };
const BASE = '/api/v1/governance/polls';
const STAFF = '/api/v1/governance/staff/polls';

export const pollRoutes = routes((app) => {
  app.get(
    BASE,
    {
      config: { access: 'public' },
      schema: { tags, querystring: PollListQuery, response: { 200: PollList } },
    },
    async (req) => listPolls(req.ctx, req.query),
  );
  app.get(
    `${BASE}/:id`,
    { config: { access: 'public' }, schema: { tags, params: PollIdParams, response: { 200: Poll } } },
    async (req) => findPoll(req.ctx, req.params.id),
  );
  app.get(
    `${BASE}/:id/results`,
    { config: { access: 'public' }, schema: { tags, params: PollIdParams, response: { 200: PollResults } } },
    async (req) => pollResults(req.ctx, req.params.id),
  );
  app.post(
    `${BASE}/:id/ballot`,
    {
      // No tighter limit than the app's flood guard: at a closing minute many people share one
      // address (a community centre's Wi-Fi), and the database keeps each to one ballot anyway.
      config: { access: 'signed-in' },
      schema: { tags, params: PollIdParams, body: BallotBody, response: { 201: Ballot } },
    },
    async (req, reply) => {
      reply.code(201);
      return castBallot(req.ctx, req.params.id, req.body);
    },
  );
  app.get(
    STAFF,
    { config: { access: manage }, schema: { tags, response: { 200: StaffPollList } } },
    async (req) => ({ items: await staffPolls(req.ctx) }),
  );
  app.post(
    STAFF,
    { config: { access: manage }, schema: { tags, body: PollBody, response: { 201: StaffPoll } } },
    async (req, reply) => {
      reply.code(201);
      return createPoll(req.ctx, req.body);
    },
  );
  app.get(
    `${STAFF}/:id`,
    { config: { access: manage }, schema: { tags, params: PollIdParams, response: { 200: StaffPoll } } },
    async (req) => staffPoll(req.ctx, req.params.id),
  );
  app.put(
    `${STAFF}/:id`,
    {
      config: { access: manage },
      schema: { tags, params: PollIdParams, body: PollBody, response: { 200: StaffPoll } },
    },
    async (req) => updatePoll(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${STAFF}/:id/close`,
    { config: { access: manage }, schema: { tags, params: PollIdParams, response: { 200: StaffPoll } } },
    async (req) => closePoll(req.ctx, req.params.id),
  );
});
