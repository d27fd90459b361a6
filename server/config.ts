import { isIP } from 'node:net';
import { z } from 'zod';

// Every setting the server reads, typed and validated once at start. An unknown HAMKKE_* variable
// or a malformed value stops the process with a message that names it.
const boolFlag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

/** An IPv4/IPv6 address, or one with a prefix length that fits it (10.0.0.0/8, fd00::/8). */
function isAddressOrRange(entry: string): boolean {
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  HAMKKE_DATA_DIR: z.string().min(1).default('./data'),
  HAMKKE_DEMO: boolFlag.optional(),
  HAMKKE_PUBLIC_URL: z.url().optional(),
  HAMKKE_SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  HAMKKE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).default(600),
  HAMKKE_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  HAMKKE_ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  HAMKKE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // 0 turns off the answer caches (catalogue pages, budget views) for benchmarks; the tenant cache stays.
  HAMKKE_ANSWER_CACHE: boolFlag.optional(),
  // How far to trust X-Forwarded-*: 0 (not at all), a number of proxy hops (1 = the one proxy in
  // front), or the proxies' addresses and ranges (comma-separated IPs or CIDRs). Never "every hop".
  HAMKKE_TRUST_PROXY: z
    .string()
    .default('0')
    .transform((v, ctx): false | number | string[] => {
      if (v === '0' || v === 'false') return false;
      if (v === 'true') return 1;
      if (/^[1-9]$/.test(v)) return Number(v);
      const entries = v.split(',');
      if (entries.every(isAddressOrRange)) return entries;
      ctx.addIssue({
        code: 'custom',
        message: 'must be 0, a number of proxy hops (1–9), or proxy IP addresses/CIDRs separated by commas',
      });
      return z.NEVER;
    }),
  // Keep outgoing email in the admin dev mailbox instead of sending it (always on in demo mode).
  HAMKKE_DEV_MAILBOX: boolFlag.optional(),
  // TEST ONLY: let Web Push reach a push service on a loopback address (a local test peer).
  HAMKKE_TEST_PUSH_ALLOW_LOOPBACK: boolFlag.optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  SMTP_FROM: z.string().min(3).default('Hamkke <no-reply@localhost>'),
  OIDC_ISSUER_URL: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default('OIDC'),
  // Seals two-step (TOTP) secrets in the database: 32 random bytes, base64 (openssl rand -base64 32).
  HAMKKE_SECRET_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 random bytes in base64 (openssl rand -base64 32)')
    .optional(),
  // Extra Web Push service hosts to accept besides the browsers' own (comma-separated, e.g. a test peer).
  HAMKKE_PUSH_HOSTS: z
    .string()
    .regex(/^[a-z0-9.-]+(,[a-z0-9.-]+)*$/, 'must be host names separated by commas')
    .optional(),
  // Web Push: without these, keys are made once per installation and kept in the database.
  HAMKKE_VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{80,90}$/, 'must be a base64url P-256 public key')
    .optional(),
  HAMKKE_VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{40,46}$/, 'must be a base64url P-256 private key')
    .optional(),
  HAMKKE_VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, 'must start with mailto: or https://')
    .optional(),
});

export type Config = z.infer<typeof ConfigSchema> & {
  /** Demo mode: embedded database and not turned off by HAMKKE_DEMO=0. */
  demo: boolean;
  /** Emails are kept in the admin dev mailbox (demo mode or HAMKKE_DEV_MAILBOX=1) rather than sent. */
  devMailbox: boolean;
  /** Neither SMTP nor the dev mailbox: no email leaves or is kept (the server warns at start, /readyz says so). */
  mailDisabled: boolean;
  db: 'pglite' | 'postgres';
};

const KNOWN = new Set(Object.keys(ConfigSchema.shape));

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const unknown = Object.keys(env).filter(
    (k) => (k.startsWith('HAMKKE_') || k.startsWith('OIDC_') || k.startsWith('SMTP_')) && !KNOWN.has(k),
  );
  if (unknown.length > 0) {
    throw new ConfigError(`Unknown setting ${unknown.join(', ')}. Known settings: ${[...KNOWN].join(', ')}`);
  }
  const picked: Record<string, string> = {};
  for (const key of KNOWN) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const parsed = ConfigSchema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    throw new ConfigError(`Invalid setting ${lines.join('; ')}`);
  }
  const c = parsed.data;
  const oidc = [c.OIDC_ISSUER_URL, c.OIDC_CLIENT_ID, c.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidc !== 0 && oidc !== 3) {
    throw new ConfigError(
      'Invalid setting OIDC_*: OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together',
    );
  }
  if (Boolean(c.HAMKKE_VAPID_PUBLIC_KEY) !== Boolean(c.HAMKKE_VAPID_PRIVATE_KEY)) {
    throw new ConfigError('Invalid setting HAMKKE_VAPID_*: the public and private key go together');
  }
  const db = c.DATABASE_URL ? 'postgres' : 'pglite';
  const demo = db === 'pglite' && c.HAMKKE_DEMO !== false;
  // Demo mode builds links from any Host: with a real mail server that would let a forged Host
  // put someone else's site in a reset email.
  if (demo && c.SMTP_URL) {
    throw new ConfigError(
      'Invalid setting SMTP_URL: demo mode does not send real email. Turn the demo off (HAMKKE_DEMO=0) to use SMTP',
    );
  }
  if (db === 'postgres' && !c.HAMKKE_SECRET_KEY) {
    throw new ConfigError(
      'Missing setting HAMKKE_SECRET_KEY: required with DATABASE_URL (32 random bytes in base64: openssl rand -base64 32)',
    );
  }
  const devMailbox = !c.SMTP_URL && (demo || c.HAMKKE_DEV_MAILBOX === true);
  return { ...c, db, demo, devMailbox, mailDisabled: !c.SMTP_URL && !devMailbox };
}
