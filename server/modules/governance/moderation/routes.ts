import {
  AppealBody,
  AppealDecisionBody,
  DecisionBody,
  ModerationStatus,
  ModerationTargetParams,
  MyModerationPage,
  MyModerationQuery,
  QueuePage,
  QueueQuery,
  ReportBody,
  ReportResult,
} from '../../../../contracts/governance-moderation.ts';
import { routes } from '../../../platform/http.ts';
import { appeal, decide, decideAppeal, report } from './commands.ts';
import { moderationQueue, myModeration } from './queries.ts';

const tags = ['governance'];
const review = { action: 'governance.moderation.review' };

export const moderationRoutes = routes((app) => {
  app.post(
    '/api/v1/governance/reports',
    {
      // Reports are rate-limited per route as posts are: a person reports a few items a minute.
      config: { access: 'signed-in', rateLimit: { max: 20, timeWindow: 60_000 } },
      schema: { tags, body: ReportBody, response: { 200: ReportResult } },
    },
    async (req) => report(req.ctx, req.body),
  );
  app.post(
    '/api/v1/governance/moderation/:targetType/:targetId/appeal',
    {
      config: { access: 'signed-in', rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: { tags, params: ModerationTargetParams, body: AppealBody, response: { 200: ModerationStatus } },
    },
    async (req) => appeal(req.ctx, req.params.targetType, req.params.targetId, req.body),
  );
  app.get(
    '/api/v1/governance/moderation/mine',
    {
      // The caller's own hidden posts only (filtered by the signed-in account in the query).
      config: { access: 'signed-in' },
      schema: { tags, querystring: MyModerationQuery, response: { 200: MyModerationPage } },
    },
    async (req) => myModeration(req.ctx, req.query),
  );
  app.get(
    '/api/v1/governance/staff/moderation',
    {
      config: { access: review },
      schema: { tags, querystring: QueueQuery, response: { 200: QueuePage } },
    },
    async (req) => moderationQueue(req.ctx, req.query),
  );
  app.put(
    '/api/v1/governance/staff/moderation/:targetType/:targetId',
    {
      config: { access: review },
      schema: {
        tags,
        params: ModerationTargetParams,
        body: DecisionBody,
        response: { 200: ModerationStatus },
      },
    },
    async (req) => decide(req.ctx, req.params.targetType, req.params.targetId, req.body),
  );
  app.put(
    '/api/v1/governance/staff/moderation/:targetType/:targetId/appeal',
    {
      config: { access: review },
      schema: {
        tags,
        params: ModerationTargetParams,
        body: AppealDecisionBody,
        response: { 200: ModerationStatus },
      },
    },
    async (req) => decideAppeal(req.ctx, req.params.targetType, req.params.targetId, req.body),
  );
});
