import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { queryRows } from '../../db/connect.ts';
import { organizations } from '../../tenants/tables.ts';
import { SESSION_COOKIE } from '../sessions.ts';
import { users } from '../tables.ts';
import { THROTTLE } from '../throttle.ts';
import { TWO_FACTOR_THROTTLE } from './commands.ts';
import { codeAt, wrongCode } from './test-codes.ts';

describe.each(engines)('two-factor login on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  /** A signed-in person with two-factor enabled (the -1 step code is used up). */
  async function withTwoFactor(roles: string[] = ['resident']) {
    const who = await signedInAs(t, roles);
    const setup = await who.client.post('/api/v1/me/two-factor/setup');
    expect(setup.statusCode).toBe(200);
    const { secret } = setup.json();
    const enabled = await who.client.post('/api/v1/me/two-factor/enable', { code: await codeAt(secret, -1) });
    expect(enabled.statusCode).toBe(200);
    return { ...who, secret: secret as string };
  }

  async function pendingLogin(email: string, password: string, lang = 'ko') {
    const c = new TestClient(t.app, lang);
    const res = await c.post('/api/v1/auth/login', { email, password });
    expect(res.json()).toEqual({ twoFactorRequired: true });
    return c;
  }

  it('sets up with a pending secret, enables with a code, then asks for a code at login', async () => {
    const { client, email, password } = await signedInAs(t, ['resident']);
    const setup = await client.post('/api/v1/me/two-factor/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl } = setup.json();
    const url = new URL(otpauthUrl);
    expect(url.protocol).toBe('otpauth:');
    expect(url.searchParams.get('issuer')).toBe('함께 Hamkke');
    expect(url.searchParams.get('secret')).toBe(secret);
    expect(decodeURIComponent(url.pathname)).toContain(email);

    // Pending only: a password alone still signs in.
    expect((await client.get('/api/v1/me')).json().twoFactorEnabled).toBe(false);
    const plain = await new TestClient(t.app).post('/api/v1/auth/login', { email, password });
    expect(plain.json().csrfToken).toBeTruthy();

    const wrong = await client.post('/api/v1/me/two-factor/enable', { code: await wrongCode(secret) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({
      code: 'invalid_two_factor_code',
      details: [{ field: 'body.code' }],
    });
    const ok = await client.post('/api/v1/me/two-factor/enable', { code: await codeAt(secret, -1) });
    expect(ok.statusCode).toBe(200);
    expect((await client.get('/api/v1/me')).json().twoFactorEnabled).toBe(true);

    const c = await pendingLogin(email, password);
    const pendingToken = c.cookies.get(SESSION_COOKIE);
    expect((await c.get('/api/v1/me')).statusCode).toBe(401); // password alone is not a sign-in any more
    const done = await c.post('/api/v1/auth/login/two-factor', { code: await codeAt(secret, 0) });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ csrfToken: expect.any(String), user: { email } });
    expect(c.cookies.get(SESSION_COOKIE)).not.toBe(pendingToken);
    c.csrfToken = done.json().csrfToken;
    expect((await c.get('/api/v1/me')).json()).toMatchObject({
      email,
      twoFactorEnabled: true,
      csrfToken: done.json().csrfToken,
    });

    // The pending session was replaced, not kept.
    const old = new TestClient(t.app);
    old.cookies.set(SESSION_COOKIE, pendingToken as string);
    const again = await old.post('/api/v1/auth/login/two-factor', { code: await codeAt(secret, 1) });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('two_factor_expired');
  });

  it('refuses a code that was used already', async () => {
    const { email, password, secret } = await withTwoFactor();
    const code = await codeAt(secret, 0);
    const first = await pendingLogin(email, password);
    expect((await first.post('/api/v1/auth/login/two-factor', { code })).statusCode).toBe(200);
    const second = await pendingLogin(email, password, 'en');
    const replay = await second.post('/api/v1/auth/login/two-factor', { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error).toMatchObject({
      code: 'invalid_two_factor_code',
      message: expect.stringContaining('authenticator'),
    });
    expect(
      (await second.post('/api/v1/auth/login/two-factor', { code: await codeAt(secret, 1) })).statusCode,
    ).toBe(200);
  });

  it('ends the pending login after five wrong codes', async () => {
    const { email, password, secret } = await withTwoFactor();
    const c = await pendingLogin(email, password);
    const token = c.cookies.get(SESSION_COOKIE) as string;
    const wrong = await wrongCode(secret);
    for (let i = 1; i <= 4; i++) {
      const res = await c.post('/api/v1/auth/login/two-factor', { code: wrong });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('invalid_two_factor_code');
    }
    const fifth = await c.post('/api/v1/auth/login/two-factor', { code: wrong });
    expect(fifth.statusCode).toBe(401);
    expect(fifth.json().error.code).toBe('two_factor_expired');
    expect(c.cookies.has(SESSION_COOKIE)).toBe(false);
    // Even the right code no longer helps that login (its session is gone); a new login works.
    const stale = new TestClient(t.app);
    stale.cookies.set(SESSION_COOKIE, token);
    expect(
      (await stale.post('/api/v1/auth/login/two-factor', { code: await codeAt(secret, 0) })).json().error
        .code,
    ).toBe('two_factor_expired');
    // A new login asks for a code again, but the account's five wrong codes lock its codes.
    const fresh = await pendingLogin(email, password);
    expect(
      (await fresh.post('/api/v1/auth/login/two-factor', { code: await codeAt(secret, 0) })).statusCode,
    ).toBe(429);
  });

  const unlockCodes = (userId: string) =>
    t.database.db.execute(
      sql`update two_factor_throttle set locked_until = now() - interval '1 second' where user_id = ${userId}`,
    );

  it('counts wrong codes per account across pending logins, then locks even the right code', async () => {
    const { user, email, password, secret } = await withTwoFactor();
    const wrong = await wrongCode(secret);
    // Signing in again with the right password used to buy five fresh guesses each time.
    for (const tries of [2, 2, 1]) {
      const c = await pendingLogin(email, password);
      for (let i = 0; i < tries; i++) {
        const res = await c.post('/api/v1/auth/login/two-factor', { code: wrong });
        expect(res.json().error.code).toBe('invalid_two_factor_code');
      }
    }
    const c = await pendingLogin(email, password);
    const locked = await c.post('/api/v1/auth/login/two-factor', { code: await codeAt(secret, 0) });
    expect(locked.statusCode).toBe(429);
    const seconds = Number(locked.headers['retry-after']);
    expect(seconds).toBeGreaterThan(TWO_FACTOR_THROTTLE.firstLockSeconds - 60);
    expect(seconds).toBeLessThanOrEqual(TWO_FACTOR_THROTTLE.firstLockSeconds);
    expect(locked.json().error).toMatchObject({ code: 'two_factor_locked' });
    expect(locked.json().error.message).toContain(`${seconds}초 후에 다시 시도해 주십시오.`);
    const en = await new TestClient(t.app, 'en').post('/api/v1/auth/login', { email, password });
    expect(en.json()).toEqual({ twoFactorRequired: true });

    // When the lock ends the right code works; five more wrong ones lock for twice as long.
    await unlockCodes(user.id);
    const after = await pendingLogin(email, password);
    for (let i = 0; i < 5; i++) await after.post('/api/v1/auth/login/two-factor', { code: wrong });
    const again = await (await pendingLogin(email, password, 'en')).post('/api/v1/auth/login/two-factor', {
      code: await codeAt(secret, 0),
    });
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(
      2 * TWO_FACTOR_THROTTLE.firstLockSeconds - 60,
    );
    expect(again.json().error.message).toMatch(/^Too many wrong codes.* try again in \d+ seconds\.$/);
    await unlockCodes(user.id);
    const ok = await (await pendingLogin(email, password)).post('/api/v1/auth/login/two-factor', {
      code: await codeAt(secret, 0),
    });
    expect(ok.statusCode).toBe(200);
    // A right code starts the count over.
    expect(
      await queryRows(t.database.db, sql`select 1 from two_factor_throttle where user_id = ${user.id}`),
    ).toHaveLength(0);
  });

  it('keeps the password failures until the second step succeeds', async () => {
    const { email, password, secret } = await withTwoFactor();
    const attempt = (pw: string) => new TestClient(t.app).post('/api/v1/auth/login', { email, password: pw });
    for (let i = 0; i < THROTTLE.perAccount - 1; i++) expect((await attempt('wrong')).statusCode).toBe(401);
    const pending = await pendingLogin(email, password); // the password is right, the second step not done
    expect((await attempt('wrong')).statusCode).toBe(401);
    expect((await attempt(password)).statusCode).toBe(429); // the right password alone did not clear them
    await t.database.db.execute(
      sql`update login_failures set at = at - interval '16 minutes' where email_normalized = ${email}`,
    );
    for (let i = 0; i < THROTTLE.perAccount - 1; i++) expect((await attempt('wrong')).statusCode).toBe(401);
    expect(
      (await pending.post('/api/v1/auth/login/two-factor', { code: await codeAt(secret, 0) })).statusCode,
    ).toBe(200);
    // The complete sign-in cleared them: five more wrong passwords are checked before the limit.
    for (let i = 0; i < THROTTLE.perAccount; i++) expect((await attempt('wrong')).statusCode).toBe(401);
    expect((await attempt(password)).statusCode).toBe(429);
  });

  it('disables only with the password and a fresh code', async () => {
    const { client, email, password, secret } = await withTwoFactor();
    const badPassword = await client.post('/api/v1/me/two-factor/disable', {
      password: 'not-the-password',
      code: await codeAt(secret, 0),
    });
    expect(badPassword.statusCode).toBe(400);
    expect(badPassword.json().error).toMatchObject({
      code: 'two_factor_password_incorrect',
      details: [{ field: 'body.password' }],
    });
    const badCode = await client.post('/api/v1/me/two-factor/disable', {
      password,
      code: await wrongCode(secret),
    });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.code).toBe('invalid_two_factor_code');
    const ok = await client.post('/api/v1/me/two-factor/disable', {
      password,
      code: await codeAt(secret, 0),
    });
    expect(ok.statusCode).toBe(200);
    expect((await client.get('/api/v1/me')).json().twoFactorEnabled).toBe(false);
    const plain = await new TestClient(t.app).post('/api/v1/auth/login', { email, password });
    expect(plain.json().csrfToken).toBeTruthy();
    const twice = await client.post('/api/v1/me/two-factor/disable', {
      password,
      code: await codeAt(secret, 1),
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('two_factor_not_enabled');
  });

  it('an account without a password (single sign-on) turns it off with a fresh code alone', async () => {
    const { client, user, secret } = await withTwoFactor();
    await t.database.db.update(users).set({ passwordHash: null }).where(eq(users.id, user.id));
    expect((await client.get('/api/v1/me')).json()).toMatchObject({
      hasPassword: false,
      twoFactorEnabled: true,
    });
    const badCode = await client.post('/api/v1/me/two-factor/disable', { code: await wrongCode(secret) });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.code).toBe('invalid_two_factor_code');
    expect((await client.get('/api/v1/me')).json().twoFactorEnabled).toBe(true);
    const ok = await client.post('/api/v1/me/two-factor/disable', { code: await codeAt(secret, 0) });
    expect(ok.statusCode).toBe(200);
    expect((await client.get('/api/v1/me')).json().twoFactorEnabled).toBe(false);
  });

  it('withholds staff roles until two-factor is on when the organization requires it', async () => {
    const setRequired = (on: boolean) =>
      t.database.db
        .update(organizations)
        .set({ requireStaffTwoFactor: on })
        .where(eq(organizations.id, t.org.id));
    await setRequired(true);
    try {
      const resident = await signedInAs(t, ['resident']);
      expect((await resident.client.get('/api/v1/me')).json()).toMatchObject({
        roles: ['resident'],
        twoFactorSetupRequired: false,
      });

      const { client, password } = await signedInAs(t, ['staff', 'resident']);
      const before = (await client.get('/api/v1/me')).json();
      expect(before.roles).toEqual(['resident']);
      expect(before.twoFactorSetupRequired).toBe(true);

      const { secret } = (await client.post('/api/v1/me/two-factor/setup')).json();
      expect(
        (await client.post('/api/v1/me/two-factor/enable', { code: await codeAt(secret, -1) })).statusCode,
      ).toBe(200);
      const after = (await client.get('/api/v1/me')).json();
      expect([...after.roles].sort()).toEqual(['resident', 'staff']);
      expect(after.twoFactorSetupRequired).toBe(false);

      const refused = await client.post('/api/v1/me/two-factor/disable', {
        password,
        code: await codeAt(secret, 0),
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('two_factor_required_by_organization');
      expect((await client.get('/api/v1/me')).json().twoFactorEnabled).toBe(true);
    } finally {
      await setRequired(false);
    }
  });

  it('answers 401 without a session, 403 without the CSRF token, 400 for bad input, 409 when already on', async () => {
    const anon = new TestClient(t.app, 'en');
    for (const path of ['setup', 'enable', 'disable']) {
      const res = await anon.post(`/api/v1/me/two-factor/${path}`, { code: '123456', password: 'x' });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
    const noPending = await anon.post('/api/v1/auth/login/two-factor', { code: '123456' });
    expect(noPending.statusCode).toBe(401);
    expect(noPending.json().error).toMatchObject({
      code: 'two_factor_expired',
      message: expect.stringContaining('sign in again'),
    });

    const { client, secret } = await withTwoFactor();
    const noCsrf = await client.post('/api/v1/me/two-factor/setup', undefined, { 'x-csrf-token': 'wrong' });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('csrf');
    // A full session is not a pending login.
    expect(
      (await client.post('/api/v1/auth/login/two-factor', { code: await codeAt(secret, 0) })).json().error
        .code,
    ).toBe('two_factor_expired');

    const shortCode = await client.post('/api/v1/me/two-factor/enable', { code: '12ab' });
    expect(shortCode.statusCode).toBe(400);
    expect(shortCode.json().error.details[0]).toMatchObject({ field: 'body.code' });
    const missing = await client.post('/api/v1/me/two-factor/disable', { code: '123456' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0]).toMatchObject({ field: 'body.password' });
    const extra = await anon.post('/api/v1/auth/login/two-factor', { code: '123456', remember: true });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.details[0]).toMatchObject({ code: 'unrecognized_keys' });

    const again = await client.post('/api/v1/me/two-factor/setup');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('two_factor_already_enabled');
    const { client: fresh } = await signedInAs(t, ['resident']);
    const notSetUp = await fresh.post('/api/v1/me/two-factor/enable', { code: '123456' });
    expect(notSetUp.statusCode).toBe(409);
    expect(notSetUp.json().error.code).toBe('two_factor_not_set_up');
  });
});
