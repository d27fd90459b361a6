import { Ok } from '../../../../contracts/common.ts';
import {
  AlertList,
  AlertListQuery,
  Follow,
  FollowBody,
  FollowIdParams,
  FollowList,
} from '../../../../contracts/youth-alerts.ts';
import { routes } from '../../../platform/http.ts';
import { addFollow, listAlerts, listFollows, removeFollow } from './follows.ts';

const tags = ['youth'];

export const alertRoutes = routes((app) => {
  app.get(
    '/api/v1/youth/follows',
    { config: { access: 'signed-in' }, schema: { tags, response: { 200: FollowList } } },
    async (req) => listFollows(req.ctx.db, req.ctx.organizationId, req.ctx.actor.userId),
  );

  app.post(
    '/api/v1/youth/follows',
    { config: { access: 'signed-in' }, schema: { tags, body: FollowBody, response: { 200: Follow } } },
    async (req) => addFollow(req.ctx.db, req.ctx.organizationId, req.ctx.actor.userId, req.body),
  );

  app.delete(
    '/api/v1/youth/follows/:id',
    { config: { access: 'signed-in' }, schema: { tags, params: FollowIdParams, response: { 200: Ok } } },
    async (req) => {
      await removeFollow(req.ctx.db, req.ctx.organizationId, req.ctx.actor.userId, req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/youth/alerts',
    {
      config: { access: 'signed-in' },
      schema: { tags, querystring: AlertListQuery, response: { 200: AlertList } },
    },
    async (req) => listAlerts(req.ctx.db, req.ctx.organizationId, req.ctx.actor.userId, req.query),
  );
});
