import { Ok } from '../../../../contracts/common.ts';
import {
  TwoFactorCodeBody,
  TwoFactorDisableBody,
  TwoFactorLoginResult,
  TwoFactorSetup,
} from '../../../../contracts/two-factor.ts';
import { AppError } from '../../errors.ts';
import { routes } from '../../http.ts';
import { clearSessionCookie, setSessionCookie } from '../cookies.ts';
import { completeTwoFactorLogin, disableTwoFactor, enableTwoFactor, setupTwoFactor } from './commands.ts';

export const twoFactorRoutes = routes((app) => {
  // Public: the authority is the pending-login cookie, which only a correct password produced.
  app.post(
    '/api/v1/auth/login/two-factor',
    {
      config: { access: 'public', csrf: false },
      schema: { tags: ['auth'], body: TwoFactorCodeBody, response: { 200: TwoFactorLoginResult } },
    },
    async (req, reply) => {
      const outcome = await completeTwoFactorLogin(req.ctx, req.sessionToken, req.body.code);
      if (outcome.kind === 'expired') {
        if (req.sessionToken && !req.ctx.actor.signedIn) clearSessionCookie(req, reply); // a full session stays
        throw new AppError('two_factor_expired', 401);
      }
      if (outcome.kind === 'invalid') throw new AppError('invalid_two_factor_code', 401);
      setSessionCookie(req, reply, outcome.token, outcome.expiresAt);
      const { user } = outcome;
      return {
        csrfToken: outcome.csrfToken,
        user: { id: user.id, email: user.email ?? '', displayName: user.displayName },
      };
    },
  );

  app.post(
    '/api/v1/me/two-factor/setup',
    { config: { access: 'signed-in' }, schema: { tags: ['auth'], response: { 200: TwoFactorSetup } } },
    async (req) => setupTwoFactor(req.ctx),
  );

  app.post(
    '/api/v1/me/two-factor/enable',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['auth'], body: TwoFactorCodeBody, response: { 200: Ok } },
    },
    async (req) => {
      await enableTwoFactor(req.ctx, req.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/me/two-factor/disable',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['auth'], body: TwoFactorDisableBody, response: { 200: Ok } },
    },
    async (req) => {
      await disableTwoFactor(req.ctx, req.body);
      return { ok: true as const };
    },
  );
});
