import { z } from 'zod';
import { Email, LinkToken, Locale, NameText, Password } from './common.ts';

export const ROLE_NAMES = [
  'resident',
  'youth',
  'enterprise_member',
  'buyer',
  'working_group_member',
  /** A check-in kiosk's tablet (issue 10): checks people in by their code at a place, nothing else. */
  'kiosk',
  'staff',
  'admin',
] as const;
export const RoleName = z.enum(ROLE_NAMES);

export const LoginBody = z.strictObject({ email: Email, password: z.string().min(1).max(200) });
export const LoginResult = z.union([
  z.object({
    csrfToken: z.string(),
    user: z.object({ id: z.string(), email: z.string(), displayName: z.string() }),
  }),
  z.object({ twoFactorRequired: z.literal(true) }),
]);

export const Me = z.object({
  id: z.string(),
  email: z.string().nullable(),
  displayName: z.string(),
  locale: Locale,
  emailVerified: z.boolean(),
  twoFactorEnabled: z.boolean(),
  /** False for accounts made through single sign-on (OIDC): no password to ask for. */
  hasPassword: z.boolean(),
  /** Staff or admin in an organization that requires two-factor, without it yet: their staff rights wait for it. */
  twoFactorSetupRequired: z.boolean(),
  organization: z.object({ id: z.string(), slug: z.string(), nameKo: z.string(), nameEn: z.string() }),
  roles: z.array(RoleName),
  csrfToken: z.string(),
});
export type MeView = z.infer<typeof Me>;
/** Who this browser is signed in as, or nobody: a 200 either way, so a first visit logs no error. */
export const SessionState = z.object({ me: Me.nullable() });
export { Email, Password };

// Sign-up, verification, password reset and profile (helper A's account flows).
export const DisplayName = NameText(50);
export const SignupBody = z.strictObject({
  email: Email,
  password: Password,
  displayName: DisplayName,
  locale: Locale.optional(),
  /** Consent choices per privacy purpose; the required ones must be true (checked against the notices). */
  consents: z.strictObject({
    account: z.boolean(),
    notifications: z.boolean().optional(),
    youth_profile: z.boolean().optional(),
  }),
});
export const TokenBody = z.strictObject({ token: LinkToken });
/**
 * What a verification link did: the account it verified (its address masked: whoever holds the link
 * read it in that inbox) and whether that account is the one signed in in this browser.
 */
export const VerifyEmailResult = z.object({
  ok: z.literal(true),
  email: z.string(),
  session: z.enum(['same', 'other', 'none']),
});
export const PasswordResetBody = z.strictObject({ email: Email });
export const PasswordResetConfirmBody = z.strictObject({
  token: LinkToken,
  password: Password,
});
export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});
export const UpdateMeBody = z.strictObject({
  displayName: DisplayName.optional(),
  locale: Locale.optional(),
});
