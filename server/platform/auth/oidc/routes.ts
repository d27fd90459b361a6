import { OidcInfo } from '../../../../contracts/oidc.ts';
import { AppError } from '../../errors.ts';
import { type FastifyReply, type FastifyRequest, routes } from '../../http.ts';
import { setSessionCookie } from '../cookies.ts';
import { deleteSession } from '../sessions.ts';
import { finishOidcLogin, startOidcLogin } from './commands.ts';
import { oidcEnabled } from './provider.ts';

const ATTEMPT_COOKIE = 'hamkke_oidc';
const CALLBACK_PATH = '/api/v1/auth/oidc/callback';
const FAILED = '/login?error=oidc';
const NEEDS_CODE = '/login?step=two-factor';

// The address the provider sends people back to: the public URL when set, else the one asked for.
function redirectUri(req: FastifyRequest): string {
  const base = req.ctx.config.HAMKKE_PUBLIC_URL ?? `${req.protocol}://${req.host}`;
  return new URL(CALLBACK_PATH, base).href;
}

// SameSite=Lax still travels on the provider's top-level redirect back to us.
const attemptCookie = (req: FastifyRequest) => ({
  path: '/api/v1/auth/oidc',
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: req.protocol === 'https',
});

export const oidcRoutes = routes((app) => {
  app.get(
    '/api/v1/auth/oidc',
    { config: { access: 'public' }, schema: { tags: ['auth'], response: { 200: OidcInfo } } },
    async (req) =>
      oidcEnabled(req.ctx.config) ? { enabled: true, name: req.ctx.config.OIDC_NAME } : { enabled: false },
  );

  app.get(
    '/api/v1/auth/oidc/start',
    { config: { access: 'public' }, schema: { tags: ['auth'] } },
    async (req, reply: FastifyReply) => {
      if (!oidcEnabled(req.ctx.config)) throw new AppError('oidc_disabled', 404);
      try {
        const { handle, url } = await startOidcLogin(req.ctx, redirectUri(req));
        reply.setCookie(ATTEMPT_COOKIE, handle, { ...attemptCookie(req), maxAge: 600 });
        return reply.redirect(url, 302);
      } catch (err) {
        req.log.warn({ err }, 'OIDC sign-in could not start');
        return reply.redirect(FAILED, 302);
      }
    },
  );

  app.get(
    CALLBACK_PATH,
    { config: { access: 'public' }, schema: { tags: ['auth'] } },
    async (req, reply: FastifyReply) => {
      if (!oidcEnabled(req.ctx.config)) throw new AppError('oidc_disabled', 404);
      reply.clearCookie(ATTEMPT_COOKIE, attemptCookie(req));
      const callbackUrl = new URL(redirectUri(req));
      callbackUrl.search = new URL(req.url, 'http://callback.invalid').search;
      try {
        const result = await finishOidcLogin(req.ctx, req.cookies[ATTEMPT_COOKIE] ?? null, callbackUrl);
        if (req.sessionToken) await deleteSession(req.ctx.db, req.sessionToken); // a new sign-in never keeps an old session
        setSessionCookie(req, reply, result.token, result.expiresAt);
        return reply.redirect(result.twoFactorPending ? NEEDS_CODE : '/', 302);
      } catch (err) {
        req.log.warn({ err }, 'OIDC sign-in failed');
        return reply.redirect(FAILED, 302);
      }
    },
  );
});
