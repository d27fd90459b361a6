import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { mailsTo, tokenFromMail } from '../../../tests/helpers/mail.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { queryRows } from '../db/connect.ts';
import { consentRecords } from '../privacy/tables.ts';
import { memberships, users } from './tables.ts';

const newEmail = () => `new-${randomBytes(4).toString('hex')}@example.com`;
const body = (email: string, extra: Record<string, unknown> = {}) => ({
  email,
  password: 'correct-horse-battery',
  displayName: '홍길동',
  consents: { account: true, notifications: false },
  ...extra,
});

describe.each(engines)('sign-up and email verification on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  const userByEmail = async (email: string) =>
    (await t.database.db.select().from(users).where(eq(users.emailNormalized, email.toLowerCase())))[0];

  it('creates an unverified resident with consents and sends a verification link', async () => {
    const email = newEmail();
    const res = await new TestClient(t.app).post('/api/v1/auth/signup', body(email, { locale: 'en' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ ok: true });
    const user = await userByEmail(email);
    expect(user).toMatchObject({ displayName: '홍길동', locale: 'en', emailVerifiedAt: null });
    const roles = await t.database.db.select().from(memberships).where(eq(memberships.userId, user.id));
    expect(roles.map((r) => [r.role, r.organizationId])).toEqual([['resident', t.org.id]]);
    const consents = await t.database.db
      .select()
      .from(consentRecords)
      .where(eq(consentRecords.userId, user.id));
    expect(consents.map((c) => [c.purpose, c.granted]).sort()).toEqual([
      ['account', true],
      ['notifications', false],
    ]);
    const [mail] = await mailsTo(t, email);
    expect(mail.subject).toBe('[Hamkke] Please verify your email address'); // the person's language
    expect(mail.bodyText).toMatch(/^Hello 홍길동/);
    expect(mail.bodyText).toMatch(/http:\/\/localhost(:\d+)?\/verify-email\?token=/);
  });

  it('answers a known email the same, creates nothing, and tells the owner', async () => {
    const { email, user } = await signedInAs(t, ['resident']);
    const res = await new TestClient(t.app).post('/api/v1/auth/signup', body(email.toUpperCase()));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ ok: true });
    const [{ count }] = await queryRows<{ count: number }>(
      t.database.db,
      sql`select count(*)::int as count from users where email_normalized = ${email}`,
    );
    expect(count).toBe(1);
    const [after] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(after.passwordHash).toBe(user.passwordHash);
    const mails = await mailsTo(t, email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('[함께] 이 이메일 주소로 가입 시도가 있었습니다');
    expect(mails[0].bodyText).not.toMatch(/token=/);
    // A second attempt within the hour sends no second notice.
    await new TestClient(t.app).post('/api/v1/auth/signup', body(email));
    expect(await mailsTo(t, email)).toHaveLength(1);
  });

  it('refuses a missing required consent and stores nothing', async () => {
    const email = newEmail();
    const c = new TestClient(t.app, 'en');
    const res = await c.post(
      '/api/v1/auth/signup',
      body(email, { consents: { account: false, notifications: true } }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'consent_required',
      details: [{ field: 'body.consents.account', code: 'required' }],
    });
    expect(await userByEmail(email)).toBeUndefined();
    const [{ count }] = await queryRows<{ count: number }>(
      t.database.db,
      sql`select count(*)::int as count from outbox where payload->>'to' = ${email}`,
    );
    expect(count).toBe(0);
  });

  it('refuses bad input with field details', async () => {
    const c = new TestClient(t.app, 'en');
    const email = newEmail();
    const res = await c.post('/api/v1/auth/signup', {
      ...body(email),
      password: 'short',
      displayName: '',
      role: 'admin',
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.password', 'body.displayName']));
    const unknown = await c.post(
      '/api/v1/auth/signup',
      body(email, { consents: { account: true, marketing: true } }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0]).toMatchObject({ code: 'unrecognized_keys' });
    const missingConsents = await c.post('/api/v1/auth/signup', {
      email,
      password: 'correct-horse-battery',
      displayName: 'A',
    });
    expect(missingConsents.statusCode).toBe(400);
    expect(missingConsents.json().error.details[0]).toMatchObject({
      field: 'body.consents',
      code: 'required',
    });
    expect(await userByEmail(email)).toBeUndefined();
  });

  it('refuses login to an unverified account only after the right password, then verifies once', async () => {
    const email = newEmail();
    const c = new TestClient(t.app, 'en');
    await c.post('/api/v1/auth/signup', body(email));
    const wrong = await c.post('/api/v1/auth/login', { email, password: 'not-the-password' });
    expect(wrong.statusCode).toBe(401);
    const unverified = await c.post('/api/v1/auth/login', { email, password: 'correct-horse-battery' });
    expect(unverified.statusCode).toBe(403);
    expect(unverified.json().error.code).toBe('email_not_verified');
    expect(unverified.headers['set-cookie']).toBeUndefined();

    const token = await tokenFromMail(t, email, '/verify-email');
    const bad = await c.post('/api/v1/auth/verify-email', { token: 'x'.repeat(43) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_token');
    const verified = await c.post('/api/v1/auth/verify-email', { token });
    expect(verified.statusCode).toBe(200);
    expect((await userByEmail(email)).emailVerifiedAt).toBeInstanceOf(Date);
    const again = await c.post('/api/v1/auth/verify-email', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('invalid_token');
    await c.login(email, 'correct-horse-battery');
    expect((await c.get('/api/v1/me')).json()).toMatchObject({
      email,
      emailVerified: true,
      roles: ['resident'],
    });
  });

  it('refuses an expired verification token', async () => {
    const email = newEmail();
    await new TestClient(t.app).post('/api/v1/auth/signup', body(email));
    const token = await tokenFromMail(t, email, '/verify-email');
    const user = await userByEmail(email);
    await t.database.db.execute(
      sql`update auth_tokens set expires_at = now() - interval '1 second' where user_id = ${user.id}`,
    );
    const res = await new TestClient(t.app).post('/api/v1/auth/verify-email', { token });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_token');
    expect((await userByEmail(email)).emailVerifiedAt).toBeNull();
    const missing = await new TestClient(t.app).post('/api/v1/auth/verify-email', {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0]).toMatchObject({ field: 'body.token', code: 'required' });
  });

  it('verifies a link opened while signed in to another account, and says which account it was', async () => {
    const email = newEmail();
    await new TestClient(t.app).post('/api/v1/auth/signup', body(email));
    const token = await tokenFromMail(t, email, '/verify-email');
    const other = await signedInAs(t, ['resident']);
    // The web page may send it before it has read its session: no CSRF token, a session cookie.
    other.client.csrfToken = null;
    const sessionsBefore = await queryRows<{ count: number }>(
      t.database.db,
      sql`select count(*)::int as count from sessions`,
    );
    const res = await other.client.post('/api/v1/auth/verify-email', { token });
    expect(res.statusCode, res.body).toBe(200);
    const local = email.slice(0, email.indexOf('@'));
    expect(res.json()).toEqual({
      ok: true,
      email: `${local[0]}${'*'.repeat(local.length - 1)}@example.com`,
      session: 'other',
    });
    expect((await userByEmail(email)).emailVerifiedAt).toBeInstanceOf(Date);
    // The other person is still signed in as themselves; no session was made or swapped.
    expect(res.headers['set-cookie']).toBeUndefined();
    expect((await other.client.get('/api/v1/me')).json()).toMatchObject({ email: other.email });
    expect(
      await queryRows<{ count: number }>(t.database.db, sql`select count(*)::int as count from sessions`),
    ).toEqual(sessionsBefore);
    // Still single use, whoever tries it next.
    const again = await new TestClient(t.app).post('/api/v1/auth/verify-email', { token });
    expect(again.json().error.code).toBe('invalid_token');
  });

  it('tells the account itself and an anonymous browser apart, and verifies nothing for a deleted account', async () => {
    const { client, email, user } = await signedInAs(t, ['resident']);
    await t.database.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, user.id));
    await client.post('/api/v1/auth/verify-email/resend');
    const token = await tokenFromMail(t, email, '/verify-email');
    const same = await client.post('/api/v1/auth/verify-email', { token });
    expect(same.json()).toMatchObject({ ok: true, session: 'same' });

    const fresh = newEmail();
    await new TestClient(t.app).post('/api/v1/auth/signup', body(fresh));
    const anonymousToken = await tokenFromMail(t, fresh, '/verify-email');
    const anonymous = await new TestClient(t.app).post('/api/v1/auth/verify-email', {
      token: anonymousToken,
    });
    expect(anonymous.json()).toMatchObject({ ok: true, session: 'none' });

    const gone = newEmail();
    await new TestClient(t.app).post('/api/v1/auth/signup', body(gone));
    const goneToken = await tokenFromMail(t, gone, '/verify-email');
    const goneUser = await userByEmail(gone);
    await t.database.db
      .update(users)
      .set({ deletedAt: new Date(), email: null, emailNormalized: null })
      .where(eq(users.id, goneUser.id));
    const refused = await new TestClient(t.app, 'en').post('/api/v1/auth/verify-email', { token: goneToken });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('invalid_token');
    const [after] = await t.database.db.select().from(users).where(eq(users.id, goneUser.id));
    expect(after.emailVerifiedAt).toBeNull();
  });

  it('resends the verification email to a signed-in unverified person', async () => {
    const anonymous = await new TestClient(t.app).post('/api/v1/auth/verify-email/resend');
    expect(anonymous.statusCode).toBe(401);
    const { client, email, user } = await signedInAs(t, ['resident']);
    const verifiedResend = await client.post('/api/v1/auth/verify-email/resend');
    expect(verifiedResend.statusCode).toBe(200);
    expect(await mailsTo(t, email)).toHaveLength(0); // nothing to verify
    await t.database.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, user.id));
    const res = await client.post('/api/v1/auth/verify-email/resend');
    expect(res.statusCode).toBe(200);
    const token = await tokenFromMail(t, email, '/verify-email');
    expect((await client.post('/api/v1/auth/verify-email', { token })).statusCode).toBe(200);
    expect((await client.get('/api/v1/me')).json().emailVerified).toBe(true);
  });
});
