import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { users } from '../tables.ts';
import { openSecret, sealSecret } from './secret-box.ts';
import { codeAt } from './test-codes.ts';

const KEY = randomBytes(32);
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('sealing two-step secrets', () => {
  it('opens what it sealed, only for the same account and key', () => {
    const sealed = sealSecret(SECRET, 'user-a', KEY);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain(SECRET);
    expect(sealSecret(SECRET, 'user-a', KEY)).not.toBe(sealed); // a fresh nonce each time
    expect(openSecret(sealed, 'user-a', KEY)).toBe(SECRET);
    expect(() => openSecret(sealed, 'user-b', KEY)).toThrow();
    expect(() => openSecret(sealed, 'user-a', randomBytes(32))).toThrow();
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('AA') ? 'AB' : 'AA');
    expect(() => openSecret(tampered, 'user-a', KEY)).toThrow();
    expect(() => openSecret(sealed, 'user-a', null)).toThrow(/HAMKKE_SECRET_KEY/);
  });

  it('without a key keeps the plain value; plain values are read with or without a key', () => {
    expect(sealSecret(SECRET, 'user-a', null)).toBe(SECRET);
    expect(openSecret(SECRET, 'user-a', KEY)).toBe(SECRET);
  });
});

describe.each(engines)('two-step secrets with HAMKKE_SECRET_KEY on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { HAMKKE_SECRET_KEY: KEY.toString('base64') });
  });
  afterAll(() => t?.close());

  const stored = async (id: string) =>
    (await t.database.db.select({ s: users.totpSecret }).from(users).where(eq(users.id, id)))[0].s;

  it('stores the secret sealed and signs in with codes from it', async () => {
    const { client, user, email, password } = await signedInAs(t, ['resident']);
    const { secret } = (await client.post('/api/v1/me/two-factor/setup')).json();
    const inDb = await stored(user.id);
    expect(inDb).toMatch(/^v1\./);
    expect(inDb).not.toContain(secret);
    expect(
      (await client.post('/api/v1/me/two-factor/enable', { code: await codeAt(secret, -1) })).statusCode,
    ).toBe(200);
    const login = new TestClient(t.app);
    expect((await login.post('/api/v1/auth/login', { email, password })).json()).toEqual({
      twoFactorRequired: true,
    });
    expect(
      (await login.post('/api/v1/auth/login/two-factor', { code: await codeAt(secret, 0) })).statusCode,
    ).toBe(200);
  });

  it('seals a secret stored before the key was set at its next sign-in', async () => {
    const { user, email, password } = await signedInAs(t, ['resident']);
    await t.database.db
      .update(users)
      .set({ totpSecret: SECRET, totpEnabledAt: new Date() })
      .where(eq(users.id, user.id));
    const login = new TestClient(t.app);
    await login.post('/api/v1/auth/login', { email, password });
    expect(
      (await login.post('/api/v1/auth/login/two-factor', { code: await codeAt(SECRET, 0) })).statusCode,
    ).toBe(200);
    const inDb = await stored(user.id);
    expect(inDb).toMatch(/^v1\./);
    expect(openSecret(inDb as string, user.id, KEY)).toBe(SECRET);
  });
});
