import {
  ChangePasswordBody,
  Me,
  PasswordResetBody,
  PasswordResetConfirmBody,
  SignupBody,
  TokenBody,
  UpdateMeBody,
  VerifyEmailResult,
} from '../../../contracts/auth.ts';
import { Ok } from '../../../contracts/common.ts';
import { routes } from '../http.ts';
import { linkBase } from './link-base.ts';
import { changePassword, confirmPasswordReset, requestPasswordReset } from './passwords-flow.ts';
import { updateProfile } from './profile.ts';
import { getMe } from './queries.ts';
import { signUp } from './signup.ts';
import { resendVerification, verifyEmail } from './verification.ts';

const tags = ['auth'];
const ok = { ok: true as const };

// Sign-up, email verification, password reset and change, profile.
export const accountRoutes = routes((app) => {
  app.post(
    '/api/v1/auth/signup',
    { config: { access: 'public', csrf: false }, schema: { tags, body: SignupBody, response: { 201: Ok } } },
    async (req, reply) => {
      await signUp(req.ctx, req.body, await linkBase(req));
      return reply.status(201).send(ok);
    },
  );
  app.post(
    '/api/v1/auth/verify-email',
    {
      // The link's token is its own proof, so the session's CSRF token is not asked for: a link opened
      // while signed in to another account (or before the page has read its session) still works.
      config: { access: 'public', csrf: false },
      schema: { tags, body: TokenBody, response: { 200: VerifyEmailResult } },
    },
    async (req) => verifyEmail(req.ctx, req.body.token),
  );
  app.post(
    '/api/v1/auth/verify-email/resend',
    { config: { access: 'signed-in' }, schema: { tags, response: { 200: Ok } } },
    async (req) => {
      await resendVerification(req.ctx, await linkBase(req));
      return ok;
    },
  );
  app.post(
    '/api/v1/auth/password-reset',
    {
      config: { access: 'public', csrf: false },
      schema: { tags, body: PasswordResetBody, response: { 200: Ok } },
    },
    async (req) => {
      await requestPasswordReset(req.ctx, req.body.email, await linkBase(req));
      return ok;
    },
  );
  app.post(
    '/api/v1/auth/password-reset/confirm',
    {
      config: { access: 'public', csrf: false },
      schema: { tags, body: PasswordResetConfirmBody, response: { 200: Ok } },
    },
    async (req) => {
      await confirmPasswordReset(req.ctx, req.body.token, req.body.password);
      return ok;
    },
  );
  app.patch(
    '/api/v1/me',
    { config: { access: 'signed-in' }, schema: { tags, body: UpdateMeBody, response: { 200: Me } } },
    async (req) => {
      await updateProfile(req.ctx, req.body);
      return getMe(req.ctx, req.csrfToken ?? '');
    },
  );
  app.post(
    '/api/v1/me/password',
    { config: { access: 'signed-in' }, schema: { tags, body: ChangePasswordBody, response: { 200: Ok } } },
    async (req) => {
      await changePassword(req.ctx, req.body);
      return ok;
    },
  );
});
