import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAME_PATTERN } from '../contracts/common.ts';
import { queryRows } from '../server/platform/db/connect.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { TestClient } from './helpers/client.ts';
import { engines } from './helpers/engines.ts';
import { signedInAs } from './helpers/users.ts';

// Every text field of the auth routes, fed hostile values. Refused input gets a 4xx with a
// message a person can act on, and the database holds nothing new.
const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  "admin'--",
  '1; SELECT pg_sleep(5)',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${7*7}',
  '\u0000\u0007',
  '../../etc/passwd',
  'ㅋ'.repeat(300),
];
const hostileText = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...INJECTIONS)).map(([a, b]) => a + b),
);
const wrongType = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 })),
);

interface RouteCase {
  method: 'POST' | 'PATCH';
  url: string;
  signedIn: boolean;
  body: Record<string, unknown>;
  /** Text fields that must refuse markup and injection strings. */
  fields: string[];
  /** Secret fields (passwords, codes) that take any text: a hostile value is simply a wrong one. */
  secrets: string[];
}

const ROUTES: RouteCase[] = [
  {
    method: 'POST',
    url: '/api/v1/auth/signup',
    signedIn: false,
    body: {
      email: 'new@example.com',
      password: 'a-good-password',
      displayName: '새사람',
      consents: { account: true },
    },
    fields: ['email', 'displayName'],
    secrets: ['password'],
  },
  {
    method: 'POST',
    url: '/api/v1/auth/login',
    signedIn: false,
    body: { email: 'x@example.com', password: 'whatever-it-is' },
    fields: ['email'],
    secrets: ['password'],
  },
  {
    method: 'POST',
    url: '/api/v1/auth/verify-email',
    signedIn: false,
    body: { token: 'abcdefghijklmnop' },
    fields: ['token'],
    secrets: [],
  },
  {
    method: 'POST',
    url: '/api/v1/auth/password-reset',
    signedIn: false,
    body: { email: 'x@example.com' },
    fields: ['email'],
    secrets: [],
  },
  {
    method: 'POST',
    url: '/api/v1/auth/password-reset/confirm',
    signedIn: false,
    body: { token: 'abcdefghijklmnop', password: 'a-good-password' },
    fields: ['token'],
    secrets: ['password'],
  },
  {
    method: 'POST',
    url: '/api/v1/me/password',
    signedIn: true,
    body: { currentPassword: 'not-it-at-all', newPassword: 'a-good-password' },
    fields: [],
    secrets: ['currentPassword', 'newPassword'],
  },
  {
    method: 'PATCH',
    url: '/api/v1/me',
    signedIn: true,
    body: { displayName: '이름' },
    fields: ['displayName'],
    secrets: [],
  },
  {
    method: 'POST',
    url: '/api/v1/auth/login/two-factor',
    signedIn: false,
    body: { code: '123456' },
    fields: ['code'],
    secrets: [],
  },
];

async function counts(t: TestApp) {
  const [row] = await queryRows<{ users: number; outbox: number; consents: number; names: number }>(
    t.database.db,
    sql`select (select count(*)::int from users) as users, (select count(*)::int from outbox) as outbox,
               (select count(*)::int from consent_records) as consents,
               (select count(*)::int from users where display_name ~ '[<>]') as names`,
  );
  return row;
}

describe.each(engines)('hostile input to the auth routes on %s', (engine) => {
  let t: TestApp;
  let signed: TestClient;
  beforeAll(async () => {
    t = await createTestApp(engine, { HAMKKE_BODY_LIMIT_BYTES: '4096' });
    signed = (await signedInAs(t, ['resident'])).client;
  });
  afterAll(() => t?.close());

  const clientFor = (r: RouteCase) => (r.signedIn ? signed : new TestClient(t.app, 'en'));

  it.each(ROUTES)(
    '$method $url: malformed JSON, unknown fields and oversize bodies are refused',
    async (r) => {
      const before = await counts(t);
      const c = clientFor(r);
      const broken = await c.request({
        method: r.method,
        url: r.url,
        payload: '{"email": "a@',
        headers: { 'content-type': 'application/json' },
      });
      expect(broken.statusCode).toBe(400);
      expect(broken.json().error.code).toBe('invalid_json');
      const extra = await c.request({ method: r.method, url: r.url, payload: { ...r.body, isAdmin: true } });
      expect(extra.statusCode).toBe(400);
      expect(extra.json().error.details.some((d: { code: string }) => d.code === 'unrecognized_keys')).toBe(
        true,
      );
      const big = await c.request({
        method: r.method,
        url: r.url,
        payload: { ...r.body, [r.fields[0] ?? r.secrets[0]]: 'x'.repeat(5000) },
      });
      expect(big.statusCode).toBe(413);
      expect(await counts(t)).toEqual(before);
    },
  );

  it.each(ROUTES)('$method $url: a wrong type in any field is a 400 naming the field', async (r) => {
    const before = await counts(t);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(r.body)), wrongType, async (field, value) => {
        fc.pre(typeof value !== typeof r.body[field] || Array.isArray(value) || value === null);
        const res = await clientFor(r).request({
          method: r.method,
          url: r.url,
          payload: { ...r.body, [field]: value },
        });
        expect(res.statusCode).toBe(400);
        const error = res.json().error;
        expect(error.message.length).toBeGreaterThan(10);
        expect(error.details.map((d: { field: string }) => d.field)).toContain(`body.${field}`);
      }),
      { numRuns: 25 },
    );
    expect(await counts(t)).toEqual(before);
  });

  it.each(ROUTES.filter((r) => r.fields.length > 0))(
    '$method $url: injection strings in text fields are refused and nothing is stored',
    async (r) => {
      const before = await counts(t);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...r.fields), hostileText, async (field, value) => {
          // A name like "admin'--" is odd but harmless text (queries are parameterised): names refuse only what a name never holds.
          fc.pre(field !== 'displayName' || !NAME_PATTERN.test(value.trim()));
          const res = await clientFor(r).request({
            method: r.method,
            url: r.url,
            payload: { ...r.body, [field]: value },
          });
          expect(res.statusCode).toBeGreaterThanOrEqual(400);
          expect(res.statusCode).toBeLessThan(500);
          expect(res.json().error.message).toBeTruthy();
        }),
        { numRuns: 30 },
      );
      expect(await counts(t)).toEqual(before);
    },
  );

  it.each(ROUTES.filter((r) => r.secrets.length > 0))(
    '$method $url: injection strings as secrets are only wrong secrets',
    async (r) => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...r.secrets), hostileText, async (field, value) => {
          const res = await clientFor(r).request({
            method: r.method,
            url: r.url,
            payload: {
              ...r.body,
              [field]: value,
              ...(r.url.endsWith('signup')
                ? { email: `x${Math.random().toString(36).slice(2)}@example.com` }
                : {}),
            },
          });
          expect(res.statusCode).toBeLessThan(500);
        }),
        { numRuns: 15 },
      );
      // The tables are all still there, and no secret was kept as typed.
      const [leak] = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from users where password_hash like '%DROP TABLE%' or password_hash like '%<script>%'`,
      );
      expect(leak.n).toBe(0);
    },
  );
});
