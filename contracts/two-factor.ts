import { z } from 'zod';

// Two-factor login with an authenticator app (TOTP, 6 digits, 30 seconds).
export const TotpCode = z.string().regex(/^\d{6}$/);

export const TwoFactorCodeBody = z.strictObject({ code: TotpCode });
// The password is asked of accounts that have one; accounts made through a single sign-on provider have none.
export const TwoFactorDisableBody = z.strictObject({
  password: z.string().min(1).max(200).optional(),
  code: TotpCode,
});

/** The secret is shown once, for manual entry; otpauthUrl is what the QR code holds. */
export const TwoFactorSetup = z.object({ secret: z.string(), otpauthUrl: z.string() });

export const TwoFactorLoginResult = z.object({
  csrfToken: z.string(),
  user: z.object({ id: z.string(), email: z.string(), displayName: z.string() }),
});
