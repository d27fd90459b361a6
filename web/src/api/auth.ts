import type { z } from 'zod';
import type {
  ChangePasswordBody,
  LoginBody,
  LoginResult,
  MeView,
  PasswordResetBody,
  PasswordResetConfirmBody,
  SignupBody,
  TokenBody,
  UpdateMeBody,
  VerifyEmailResult,
} from '../../../contracts/auth.ts';
import type { Ok } from '../../../contracts/common.ts';
import type {
  TwoFactorCodeBody,
  TwoFactorDisableBody,
  TwoFactorLoginResult,
  TwoFactorSetup,
} from '../../../contracts/two-factor.ts';
import { api } from './client.ts';

// Accounts: sign-up, verification, login (with its two-factor step), password reset and change, profile.
type Body<T extends z.ZodType> = z.input<T>;
type OkView = z.infer<typeof Ok>;
const post = <T>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body });

export const signUp = (body: Body<typeof SignupBody>) => post<OkView>('/api/v1/auth/signup', body);
export const verifyEmail = (body: Body<typeof TokenBody>) =>
  post<z.infer<typeof VerifyEmailResult>>('/api/v1/auth/verify-email', body);
export const logIn = (body: Body<typeof LoginBody>) =>
  post<z.infer<typeof LoginResult>>('/api/v1/auth/login', body);
export const logInWithCode = (body: Body<typeof TwoFactorCodeBody>) =>
  post<z.infer<typeof TwoFactorLoginResult>>('/api/v1/auth/login/two-factor', body);
export const logOut = () => post<OkView>('/api/v1/auth/logout');
export const requestPasswordReset = (body: Body<typeof PasswordResetBody>) =>
  post<OkView>('/api/v1/auth/password-reset', body);
export const confirmPasswordReset = (body: Body<typeof PasswordResetConfirmBody>) =>
  post<OkView>('/api/v1/auth/password-reset/confirm', body);

export const updateMe = (body: Body<typeof UpdateMeBody>) =>
  api<MeView>('/api/v1/me', { method: 'PATCH', body });
export const changePassword = (body: Body<typeof ChangePasswordBody>) =>
  post<OkView>('/api/v1/me/password', body);
export const startTwoFactor = () => post<z.infer<typeof TwoFactorSetup>>('/api/v1/me/two-factor/setup');
export const enableTwoFactor = (body: Body<typeof TwoFactorCodeBody>) =>
  post<OkView>('/api/v1/me/two-factor/enable', body);
export const disableTwoFactor = (body: Body<typeof TwoFactorDisableBody>) =>
  post<OkView>('/api/v1/me/two-factor/disable', body);
