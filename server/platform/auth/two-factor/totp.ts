import { generateSecret, generateURI, verify } from 'otplib';

// TOTP as authenticator apps expect it: SHA-1, 6 digits, 30-second steps, 160-bit secret.
export const TOTP_ISSUER = '함께 Hamkke';
// One step either side, for phone clocks that drift a little.
const TOLERANCE_SECONDS = 30;

export const newTotpSecret = () => generateSecret({ length: 20 });

export const otpauthUrl = (label: string, secret: string) =>
  generateURI({ issuer: TOTP_ISSUER, label, secret });

/**
 * The time step a code belongs to, or null when it is not valid now. Steps at or before
 * `afterTimeStep` are refused (they were used already).
 */
export async function matchTotp(
  secret: string,
  code: string,
  afterTimeStep?: number | null,
): Promise<number | null> {
  try {
    const result = await verify({
      secret,
      token: code,
      epochTolerance: TOLERANCE_SECONDS,
      afterTimeStep: afterTimeStep ?? undefined,
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    return null; // a malformed stored secret or code never signs anyone in
  }
}
