import { Ok } from '../../../contracts/common.ts';
import {
  NotificationSettings,
  NotificationSettingsBody,
  PushIdParams,
  PushSubscriptionBody,
  PushSubscriptionItem,
  PushSubscriptionList,
  SmsOutbox,
  UnsubscribeBody,
  UnsubscribeQuery,
  UnsubscribeResult,
  VapidPublicKey,
} from '../../../contracts/notify.ts';
import { AppError } from '../errors.ts';
import { routes } from '../http.ts';
import { assertAllowedPushEndpoint } from './push/allowed-hosts.ts';
import { markPushOpened } from './push/deliver.ts';
import { addSubscription, listSubscriptions, removeSubscription } from './push/subscriptions.ts';
import { vapidKeys } from './push/vapid.ts';
import { listSmsMessages } from './queries.ts';
import { saveSettings, settingsFor } from './settings.ts';
import { describeUnsubscribe, unsubscribe } from './unsubscribe.ts';

const tags = ['notifications'];

// Web Push, delivery settings, one-click unsubscribe and the admins' view of sent text messages.
export const channelRoutes = routes((app) => {
  // Mail providers send RFC 8058 one-click unsubscribes as a form; only these routes read forms.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  app.get(
    '/api/v1/push/public-key',
    { config: { access: 'public' }, schema: { tags, response: { 200: VapidPublicKey } } },
    async (req) => ({ publicKey: (await vapidKeys(req.ctx.db, req.ctx.config)).publicKey }),
  );
  app.post(
    '/api/v1/push/deliveries/:id/opened',
    {
      // The service worker reports a click without cookies; the delivery id (random) is the proof.
      config: { access: 'public', csrf: false },
      schema: { tags, params: PushIdParams, response: { 200: Ok } },
    },
    async (req) => {
      if (!(await markPushOpened(req.ctx.db, req.params.id))) throw new AppError('not_found', 404);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/v1/me/push-subscriptions',
    { config: { access: 'signed-in' }, schema: { tags, response: { 200: PushSubscriptionList } } },
    async (req) => listSubscriptions(req.ctx.db, req.ctx.actor.userId),
  );
  app.post(
    '/api/v1/me/push-subscriptions',
    {
      config: { access: 'signed-in' },
      schema: { tags, body: PushSubscriptionBody, response: { 200: PushSubscriptionItem } },
    },
    async (req) => {
      const endpoint = assertAllowedPushEndpoint(req.body.endpoint, req.ctx.config);
      return addSubscription(req.ctx.db, req.ctx.actor.userId, { ...req.body, endpoint }, req.ctx.userAgent);
    },
  );
  app.delete(
    '/api/v1/me/push-subscriptions/:id',
    { config: { access: 'signed-in' }, schema: { tags, params: PushIdParams, response: { 200: Ok } } },
    async (req) => {
      await removeSubscription(req.ctx.db, req.ctx.actor.userId, req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/me/notification-settings',
    { config: { access: 'signed-in' }, schema: { tags, response: { 200: NotificationSettings } } },
    async (req) => settingsFor(req.ctx.db, req.ctx.actor.userId),
  );
  app.put(
    '/api/v1/me/notification-settings',
    {
      config: { access: 'signed-in' },
      schema: { tags, body: NotificationSettingsBody, response: { 200: NotificationSettings } },
    },
    async (req) => {
      await saveSettings(req.ctx.db, req.ctx.actor.userId, req.body);
      return settingsFor(req.ctx.db, req.ctx.actor.userId);
    },
  );

  app.get(
    '/api/v1/unsubscribe',
    {
      // Only describes what the link would turn off: mail scanners open links.
      config: { access: 'public' },
      schema: { tags, querystring: UnsubscribeQuery, response: { 200: UnsubscribeResult } },
    },
    async (req) => describeUnsubscribe(req.ctx.db, req.query.token ?? '', req.ctx.locale),
  );
  app.post(
    '/api/v1/unsubscribe',
    {
      config: { access: 'public', csrf: false },
      schema: {
        tags,
        querystring: UnsubscribeQuery,
        body: UnsubscribeBody,
        response: { 200: UnsubscribeResult },
      },
    },
    async (req) => unsubscribe(req.ctx.db, req.body?.token ?? req.query.token ?? '', req.ctx.locale),
  );

  app.get(
    '/api/v1/admin/sms-messages',
    {
      config: { access: { action: 'notify.smsOutbox.read' } },
      schema: { tags, response: { 200: SmsOutbox } },
    },
    async (req) => listSmsMessages(req.ctx, `${req.method} ${req.routeOptions.url}`),
  );
});
