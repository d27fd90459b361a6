import { Ok } from '../../../contracts/common.ts';
import {
  ConsentBody,
  ConsentParams,
  DeleteAccountBody,
  MyConsents,
  MyDataExport,
  PrivacyNotices,
} from '../../../contracts/privacy.ts';
import { clearSessionCookie } from '../auth/cookies.ts';
import { routes } from '../http.ts';
import { dateInSeoul } from '../time/index.ts';
import { deleteAccount, exportMyData, setConsent } from './commands.ts';
import { listNotices, myConsents } from './queries.ts';

export const privacyRoutes = routes((app) => {
  app.get(
    '/api/v1/privacy/notices',
    { config: { access: 'public' }, schema: { tags: ['privacy'], response: { 200: PrivacyNotices } } },
    async (req) => listNotices(req.ctx),
  );

  app.get(
    '/api/v1/me/consents',
    { config: { access: 'signed-in' }, schema: { tags: ['privacy'], response: { 200: MyConsents } } },
    async (req) => myConsents(req.ctx, req.ctx.actor.userId),
  );

  app.put(
    '/api/v1/me/consents/:purpose',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['privacy'], params: ConsentParams, body: ConsentBody, response: { 200: MyConsents } },
    },
    async (req) => {
      await setConsent(req.ctx, req.params.purpose, req.body.granted);
      return myConsents(req.ctx, req.ctx.actor.userId);
    },
  );

  app.get(
    '/api/v1/me/export',
    { config: { access: 'signed-in' }, schema: { tags: ['privacy'], response: { 200: MyDataExport } } },
    async (req, reply) => {
      const data = await exportMyData(req.ctx);
      reply.header(
        'content-disposition',
        `attachment; filename="hamkke-my-data-${dateInSeoul(new Date(data.exportedAt))}.json"`,
      );
      reply.header('cache-control', 'no-store');
      return data;
    },
  );

  app.post(
    '/api/v1/me/delete',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['privacy'], body: DeleteAccountBody, response: { 200: Ok } },
    },
    async (req, reply) => {
      await deleteAccount(req.ctx, req.body);
      clearSessionCookie(req, reply);
      return { ok: true as const };
    },
  );
});
