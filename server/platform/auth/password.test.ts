import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { mailsTo, tokenFromMail } from '../../../tests/helpers/mail.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { queryRows } from '../db/connect.ts';
import { users } from './tables.ts';

describe.each(engines)('password reset, password change and profile on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  it('answers a reset request the same whether or not the account exists', async () => {
    const c = new TestClient(t.app);
    const unknown = await c.post('/api/v1/auth/password-reset', { email: 'nobody-here@example.com' });
    const { email } = await signedInAs(t, ['resident']);
    const known = await c.post('/api/v1/auth/password-reset', { email });
    expect(unknown.statusCode).toBe(200);
    expect(known.statusCode).toBe(200);
    expect(unknown.body).toBe(known.body);
    expect(await mailsTo(t, 'nobody-here@example.com')).toHaveLength(0);
    const [mail] = await mailsTo(t, email);
    expect(mail.subject).toBe('[함께] 비밀번호 재설정 안내');
    expect(mail.bodyText).toMatch(/\/reset-password\?token=/);
    const bad = await c.post('/api/v1/auth/password-reset', { email: 'not-an-email' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'body.email', code: 'invalid_format' });
  });

  it('resets the password once with the link and ends every session', async () => {
    const { client, email, password } = await signedInAs(t, ['resident']);
    await new TestClient(t.app).post('/api/v1/auth/password-reset', { email });
    const token = await tokenFromMail(t, email, '/reset-password');
    const c = new TestClient(t.app, 'en');
    const short = await c.post('/api/v1/auth/password-reset/confirm', { token, password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0]).toMatchObject({ field: 'body.password', code: 'too_small' });
    const res = await c.post('/api/v1/auth/password-reset/confirm', {
      token,
      password: 'a-brand-new-password',
    });
    expect(res.statusCode).toBe(200);
    expect((await client.get('/api/v1/me')).statusCode).toBe(401); // the old session ended
    expect((await c.post('/api/v1/auth/login', { email, password })).statusCode).toBe(401);
    await c.login(email, 'a-brand-new-password');
    const reuse = await new TestClient(t.app, 'en').post('/api/v1/auth/password-reset/confirm', {
      token,
      password: 'yet-another-password',
    });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().error).toMatchObject({
      code: 'invalid_token',
      message: 'This link is not valid, has already been used, or has expired. Please ask for a new one.',
    });
  });

  it('refuses a reset link older than an hour', async () => {
    const { email, user, password } = await signedInAs(t, ['resident']);
    await new TestClient(t.app).post('/api/v1/auth/password-reset', { email });
    const token = await tokenFromMail(t, email, '/reset-password');
    const [lifetime] = await queryRows<{ minutes: number }>(
      t.database.db,
      sql`select (extract(epoch from expires_at - created_at) / 60)::int as minutes from auth_tokens where user_id = ${user.id}`,
    );
    expect(lifetime.minutes).toBe(60);
    await t.database.db.execute(
      sql`update auth_tokens set expires_at = now() - interval '1 second' where user_id = ${user.id}`,
    );
    const res = await new TestClient(t.app).post('/api/v1/auth/password-reset/confirm', {
      token,
      password: 'a-brand-new-password',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_token');
    await new TestClient(t.app).login(email, password); // unchanged
  });

  it('changes the password with the current one and ends the other sessions', async () => {
    const anonymous = await new TestClient(t.app).post('/api/v1/me/password', {
      currentPassword: 'x',
      newPassword: 'long-enough-password',
    });
    expect(anonymous.statusCode).toBe(401);
    const { client, email, password } = await signedInAs(t, ['resident'], { lang: 'en' });
    const other = new TestClient(t.app);
    await other.login(email, password);
    const wrong = await client.post('/api/v1/me/password', {
      currentPassword: 'not-it',
      newPassword: 'long-enough-password',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({
      code: 'invalid_current_password',
      details: [{ field: 'body.currentPassword' }],
    });
    const short = await client.post('/api/v1/me/password', {
      currentPassword: password,
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0]).toMatchObject({ field: 'body.newPassword', code: 'too_small' });
    const noCsrf = await client.post(
      '/api/v1/me/password',
      { currentPassword: password, newPassword: 'long-enough-password' },
      { 'x-csrf-token': 'forged' },
    );
    expect(noCsrf.statusCode).toBe(403);
    const ok = await client.post('/api/v1/me/password', {
      currentPassword: password,
      newPassword: 'long-enough-password',
    });
    expect(ok.statusCode).toBe(200);
    expect((await client.get('/api/v1/me')).statusCode).toBe(200); // this session stays
    expect((await other.get('/api/v1/me')).statusCode).toBe(401); // the other one ended
    await new TestClient(t.app).login(email, 'long-enough-password');
  });

  it('updates the display name and language', async () => {
    const anonymous = await new TestClient(t.app).patch('/api/v1/me', { displayName: 'X' });
    expect(anonymous.statusCode).toBe(401);
    const { client, user } = await signedInAs(t, ['resident']);
    const bad = await client.patch('/api/v1/me', { displayName: '', locale: 'fr', email: 'x@example.com' });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.map((d: { field: string; code: string }) => d.code);
    expect(fields).toContain('unrecognized_keys');
    const long = await client.patch('/api/v1/me', { displayName: '가'.repeat(51) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details[0]).toMatchObject({ field: 'body.displayName', code: 'too_big' });
    const res = await client.patch('/api/v1/me', { displayName: '  새 이름  ', locale: 'en' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: user.id,
      displayName: '새 이름',
      locale: 'en',
      roles: ['resident'],
    });
    expect(res.json().csrfToken).toBe(client.csrfToken);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ displayName: '새 이름', locale: 'en' });
    // With no language asked for, the person's setting picks the language of messages.
    const err = await client.request({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { locale: 'xx' },
      headers: { 'accept-language': '' },
    });
    expect(err.json().error.message).toBe('Some fields are not valid. Please correct the fields listed.');
  });
});
