import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { queryRows } from '../db/connect.ts';
import { THROTTLE } from './throttle.ts';
import { codeAt } from './two-factor/test-codes.ts';

// Each test signs in from its own address, so the per-IP count of one test never reaches another.
const newIp = () => `10.${[1, 2, 3].map(() => randomBytes(1)[0]).join('.')}`;

describe.each(engines)('login throttling on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  const attempt = (email: string, password: string, ip: string, lang = 'ko') =>
    new TestClient(t.app, lang).request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
      remoteAddress: ip,
    });

  it('refuses the sixth attempt on an account with 429 and Retry-After, even with the right password', async () => {
    const { email, password } = await signedInAs(t, ['resident']);
    const ip = newIp();
    for (let i = 0; i < THROTTLE.perAccount; i++)
      expect((await attempt(email, 'wrong-password', ip)).statusCode).toBe(401);
    const ko = await attempt(email, password, ip);
    expect(ko.statusCode).toBe(429);
    const seconds = Number(ko.headers['retry-after']);
    expect(seconds).toBeGreaterThan(THROTTLE.windowSeconds - 60);
    expect(seconds).toBeLessThanOrEqual(THROTTLE.windowSeconds);
    expect(ko.json().error).toMatchObject({
      code: 'login_throttled',
      message: `로그인 시도가 너무 많습니다. ${seconds}초 후에 다시 시도해 주십시오.`,
    });
    const en = await attempt(email, password, newIp(), 'en'); // per account: another address does not help
    expect(en.statusCode).toBe(429);
    expect(en.json().error.message).toMatch(
      /^Too many sign-in attempts\. Please try again in \d+ seconds\.$/,
    );
    // An unknown account is throttled the same way (nothing to tell the two apart).
    const ghost = `ghost-${randomBytes(3).toString('hex')}@example.com`;
    for (let i = 0; i < THROTTLE.perAccount; i++)
      expect((await attempt(ghost, 'wrong-password', ip)).statusCode).toBe(401);
    expect((await attempt(ghost, 'wrong-password', ip)).statusCode).toBe(429);
  });

  it('lets the throttle lapse when the failures leave the window', async () => {
    const { email, password } = await signedInAs(t, ['resident']);
    const ip = newIp();
    for (let i = 0; i < THROTTLE.perAccount; i++) await attempt(email, 'wrong-password', ip);
    expect((await attempt(email, password, ip)).statusCode).toBe(429);
    await t.database.db.execute(
      (await import('drizzle-orm'))
        .sql`update login_failures set at = at - interval '16 minutes' where email_normalized = ${email}`,
    );
    expect((await attempt(email, password, ip)).statusCode).toBe(200);
  });

  it('clears the account failures on a successful sign-in', async () => {
    const { email, password } = await signedInAs(t, ['resident']);
    const ip = newIp();
    for (let i = 0; i < THROTTLE.perAccount - 1; i++)
      expect((await attempt(email, 'wrong-password', ip)).statusCode).toBe(401);
    expect((await attempt(email, password, ip)).statusCode).toBe(200);
    for (let i = 0; i < THROTTLE.perAccount; i++)
      expect((await attempt(email, 'wrong-password', ip)).statusCode).toBe(401);
    expect((await attempt(email, password, ip)).statusCode).toBe(429);
  });

  it('throttles one address trying many accounts', async () => {
    const { email, password } = await signedInAs(t, ['resident']);
    const ip = newIp();
    for (let i = 0; i < THROTTLE.perIp; i++) {
      const res = await attempt(
        `target-${i}-${randomBytes(2).toString('hex')}@example.com`,
        'wrong-password',
        ip,
      );
      expect(res.statusCode).toBe(401);
    }
    const blocked = await attempt(email, password, ip);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt(email, password, newIp())).statusCode).toBe(200); // the account itself is fine elsewhere
  });

  it('checks at most the limit of 40 parallel guesses on one account (no race between count and record)', async () => {
    const { email, password } = await signedInAs(t, ['resident']);
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => attempt(email, 'wrong-password', newIp())),
    );
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(THROTTLE.perAccount);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - THROTTLE.perAccount);
    const [{ n }] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from login_failures where email_normalized = ${email}`,
    );
    expect(n).toBe(THROTTLE.perAccount);
    expect((await attempt(email, password, newIp())).statusCode).toBe(429);
    await t.database.db.execute(
      sql`update login_failures set at = at - interval '16 minutes' where email_normalized = ${email}`,
    );
    expect((await attempt(email, password, newIp())).statusCode).toBe(200);
  });

  it('counts wrong passwords given to delete the account or turn two-step off toward the same limit', async () => {
    for (const [path, status, body] of [
      ['/api/v1/me/delete', 403, (password: string) => ({ password })],
      ['/api/v1/me/two-factor/disable', 400, (password: string) => ({ password, code: '123456' })],
    ] as const) {
      const { client, user, email, password } = await signedInAs(t, ['resident']);
      if (path.includes('two-factor')) {
        const { secret } = (await client.post('/api/v1/me/two-factor/setup')).json();
        await client.post('/api/v1/me/two-factor/enable', { code: await codeAt(secret, -1) });
      }
      for (let i = 0; i < THROTTLE.perAccount; i++)
        expect((await client.post(path, body('wrong-password'))).statusCode).toBe(status);
      const sixth = await client.post(path, body('wrong-password'));
      expect(sixth.statusCode).toBe(429);
      expect(sixth.json().error.code).toBe('login_throttled');
      expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
      // The same count as sign-in: the right password is refused there too, and here.
      expect((await attempt(email, password, newIp())).statusCode).toBe(429);
      expect((await client.post(path, body(password))).statusCode).toBe(429);
      const [{ deleted }] = await queryRows<{ deleted: boolean }>(
        t.database.db,
        sql`select deleted_at is not null as deleted from users where id = ${user.id}`,
      );
      expect(deleted).toBe(false);
    }
  });

  it('counts wrong current passwords on the change-password form', async () => {
    const { client, password } = await signedInAs(t, ['resident']);
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      expect(
        (
          await client.post('/api/v1/me/password', {
            currentPassword: 'wrong',
            newPassword: 'long-enough-password',
          })
        ).statusCode,
      ).toBe(400);
    }
    const res = await client.post('/api/v1/me/password', {
      currentPassword: password,
      newPassword: 'long-enough-password',
    });
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
  });
});
