import type { FastifyRequest } from 'fastify';
import { Ok } from '../../../contracts/common.ts';
import {
  DevMailbox,
  DevMailIdParams,
  DevMailItem,
  NotificationIdParams,
  NotificationList,
  NotificationListQuery,
  NotificationPreferences,
  NotificationPreferencesBody,
  UnreadCount,
} from '../../../contracts/notify.ts';
import type { SignedInCtx } from '../http.ts';
import { routes } from '../http.ts';
import { channelRoutes } from './channel-routes.ts';
import { listPreferences, savePreferences } from './preferences.ts';
import {
  getDevMail,
  listDevMailbox,
  listNotifications,
  markAllRead,
  markRead,
  unreadCount,
} from './queries.ts';

const routeOf = (req: FastifyRequest) => `${req.method} ${req.routeOptions.url}`;
const who = (ctx: SignedInCtx) => ({ userId: ctx.actor.userId, organizationId: ctx.organizationId });
const tags = ['notifications'];

export const notifyRoutes = routes(async (app) => {
  await app.register(channelRoutes);
  app.get(
    '/api/v1/notifications',
    {
      config: { access: 'signed-in' },
      schema: { tags, querystring: NotificationListQuery, response: { 200: NotificationList } },
    },
    async (req) => listNotifications(req.ctx.db, who(req.ctx), req.ctx.locale, req.query),
  );
  app.get(
    '/api/v1/notifications/unread-count',
    { config: { access: 'signed-in' }, schema: { tags, response: { 200: UnreadCount } } },
    async (req) => ({ count: await unreadCount(req.ctx.db, who(req.ctx)) }),
  );
  app.post(
    '/api/v1/notifications/read-all',
    { config: { access: 'signed-in' }, schema: { tags, response: { 200: Ok } } },
    async (req) => {
      await markAllRead(req.ctx.db, who(req.ctx));
      return { ok: true as const };
    },
  );
  app.post(
    '/api/v1/notifications/:id/read',
    {
      config: { access: 'signed-in' },
      schema: { tags, params: NotificationIdParams, response: { 200: Ok } },
    },
    async (req) => {
      await markRead(req.ctx.db, who(req.ctx), req.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/v1/me/notification-preferences',
    { config: { access: 'signed-in' }, schema: { tags, response: { 200: NotificationPreferences } } },
    async (req) => listPreferences(req.ctx.db, req.ctx.actor.userId, req.ctx.locale),
  );
  app.put(
    '/api/v1/me/notification-preferences',
    {
      config: { access: 'signed-in' },
      schema: { tags, body: NotificationPreferencesBody, response: { 200: NotificationPreferences } },
    },
    async (req) => {
      await savePreferences(req.ctx.db, req.ctx.actor.userId, req.body.items);
      return listPreferences(req.ctx.db, req.ctx.actor.userId, req.ctx.locale);
    },
  );
  app.get(
    '/api/v1/admin/dev-mailbox',
    {
      config: { access: { action: 'notify.devMailbox.read' } },
      schema: { tags, response: { 200: DevMailbox } },
    },
    async (req) => ({
      items: await listDevMailbox(req.ctx, routeOf(req)),
      smtpConfigured: Boolean(req.ctx.config.SMTP_URL),
    }),
  );
  app.get(
    '/api/v1/admin/dev-mailbox/:id',
    {
      config: { access: { action: 'notify.devMailbox.read' } },
      schema: { tags, params: DevMailIdParams, response: { 200: DevMailItem } },
    },
    async (req) => getDevMail(req.ctx, routeOf(req), req.params.id),
  );
});
