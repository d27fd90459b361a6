import { LoginBody, LoginResult, Me, SessionState } from '../../../contracts/auth.ts';
import { Ok } from '../../../contracts/common.ts';
import { routes } from '../http.ts';
import { login, logout } from './commands.ts';
import { clearSessionCookie, setSessionCookie } from './cookies.ts';
import { linkBase } from './link-base.ts';
import { getMe } from './queries.ts';

export const authRoutes = routes((app) => {
  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public', csrf: false },
      schema: { tags: ['auth'], body: LoginBody, response: { 200: LoginResult } },
    },
    async (req, reply) => {
      const outcome = await login(req.ctx, req.body, { linkBase: await linkBase(req) });
      setSessionCookie(req, reply, outcome.token, outcome.expiresAt);
      if (outcome.kind === 'two-factor') return { twoFactorRequired: true as const };
      const { user } = outcome;
      return {
        csrfToken: outcome.csrfToken,
        user: { id: user.id, email: user.email ?? '', displayName: user.displayName },
      };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { access: 'public' }, schema: { tags: ['auth'], response: { 200: Ok } } },
    async (req, reply) => {
      await logout(req.ctx, req.sessionToken);
      clearSessionCookie(req, reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/me',
    { config: { access: 'signed-in' }, schema: { tags: ['auth'], response: { 200: Me } } },
    async (req) => getMe(req.ctx, req.csrfToken ?? ''),
  );

  // The web app's first question on every page. /me answers 401 to an anonymous visitor, which a
  // browser logs as an error on every first visit; this answers "nobody" as a plain 200.
  app.get(
    '/api/v1/session',
    { config: { access: 'public' }, schema: { tags: ['auth'], response: { 200: SessionState } } },
    async (req) => {
      const { ctx } = req;
      if (!ctx.actor.signedIn) return { me: null };
      return { me: await getMe({ ...ctx, actor: ctx.actor }, req.csrfToken ?? '') };
    },
  );
});
