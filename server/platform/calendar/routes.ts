import { z } from 'zod';
import { CalendarFeedCreated, CalendarFeedQuery, CalendarFeedStatus } from '../../../contracts/calendar.ts';
import { Ok } from '../../../contracts/common.ts';
import { linkBase } from '../auth/link-base.ts';
import { AppError } from '../errors.ts';
import { routes, type SignedInCtx } from '../http.ts';
import { t } from '../i18n/messages.ts';
import { feedEvents } from './feed-sources.ts';
import { createFeed, FEED_PATH, feedOwner, feedPath, feedStatus, revokeFeed } from './feeds.ts';
import { CALENDAR_CONTENT_TYPE, calendarAttachment, calendarFile } from './file.ts';

const tags = ['calendar'];
/** How often calendar apps are asked to fetch the feed again. */
const REFRESH_SECONDS = 6 * 3600;

const owner = (ctx: SignedInCtx) => ({ organizationId: ctx.organizationId, userId: ctx.actor.userId });

export const calendarRoutes = routes((app) => {
  app.get(
    '/api/v1/me/calendar-feed',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Whether I have a calendar feed (its address is shown only when made)',
        response: { 200: CalendarFeedStatus },
      },
    },
    async (req) => feedStatus(req.ctx.db, owner(req.ctx)),
  );

  app.post(
    '/api/v1/me/calendar-feed',
    {
      config: { access: 'signed-in' },
      // The answer holds the secret address, which is stored nowhere: a kept Idempotency-Key answer
      // would store it in clear for a day. Repeating the request is safe anyway (it makes a new
      // address and ends the one never seen), so the key is dropped before it is claimed.
      onRequest: async (req) => {
        delete req.headers['idempotency-key'];
      },
      schema: {
        tags,
        summary: 'Make my calendar feed, or a new address for it (the old one stops working)',
        description:
          'Answers the secret address once; only its hash is kept. An Idempotency-Key is ignored here: the answer holds a secret that is never stored, and repeating the request only makes another address.',
        response: { 201: CalendarFeedCreated },
      },
    },
    async (req, reply) => {
      const made = await createFeed(req.ctx.db, owner(req.ctx));
      reply.status(201).header('cache-control', 'no-store');
      return {
        url: `${await linkBase(req)}${feedPath(made.token)}`,
        createdAt: made.createdAt.toISOString(),
      };
    },
  );

  app.delete(
    '/api/v1/me/calendar-feed',
    {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'End my calendar feed address', response: { 200: Ok } },
    },
    async (req) => {
      await revokeFeed(req.ctx.db, owner(req.ctx));
      return { ok: true as const };
    },
  );

  app.get(
    FEED_PATH,
    {
      // Calendar apps fetch it with no cookie: the secret is the access. The app-wide rate limit applies.
      config: { access: 'public' },
      schema: {
        tags,
        summary: "A person's calendar feed, by the secret in its address",
        description:
          "iCalendar (RFC 5545) for calendar apps: the deadlines of followed youth policies, and what other modules add. 404 for an unknown or revoked secret or another organization's feed.",
        querystring: CalendarFeedQuery,
        response: { 200: z.string().describe('text/calendar (RFC 5545)') },
      },
    },
    async (req, reply) => {
      const { db, organizationId } = req.ctx;
      const found = await feedOwner(db, organizationId, req.query.token);
      if (!found) throw new AppError('not_found', 404);
      const events = await feedEvents(db, { organizationId, ...found, linkBase: await linkBase(req) });
      reply
        .type(CALENDAR_CONTENT_TYPE)
        .header('content-disposition', calendarAttachment('hamkke-calendar'))
        .header('cache-control', 'private, no-store')
        .header('x-robots-tag', 'noindex');
      return calendarFile({
        name: t(found.locale, 'calendar.feed_name'),
        events,
        refreshSeconds: REFRESH_SECONDS,
      });
    },
  );
});
