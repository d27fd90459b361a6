import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Config } from '../../../config.ts';

// TOTP secrets cannot be hashed (codes are computed from them), so with HAMKKE_SECRET_KEY set
// they are sealed with AES-256-GCM, bound to the account id: a database dump or backup alone
// does not give anyone's second factor. Without the key (demo, development) they stay plain
// base32, and plain values written before the key was set are still read (and sealed at the
// next successful sign-in).
const SEALED = 'v1.';

export type SecretKey = Buffer | null;

export const secretKeyOf = (config: Pick<Config, 'HAMKKE_SECRET_KEY'>): SecretKey =>
  config.HAMKKE_SECRET_KEY ? Buffer.from(config.HAMKKE_SECRET_KEY, 'base64') : null;

export const isSealed = (stored: string) => stored.startsWith(SEALED);

export function sealSecret(secret: string, userId: string, key: SecretKey): string {
  if (!key) return secret;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(userId));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${SEALED}${iv.toString('base64url')}.${body.toString('base64url')}`;
}

export function openSecret(stored: string, userId: string, key: SecretKey): string {
  if (!isSealed(stored)) return stored;
  if (!key) throw new Error('A two-step secret is sealed but HAMKKE_SECRET_KEY is not set');
  const [iv, body] = stored.slice(SEALED.length).split('.');
  const data = Buffer.from(body ?? '', 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv ?? '', 'base64url'));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString(
    'utf8',
  );
}
