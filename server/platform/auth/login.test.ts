import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { createOtherOrganization } from '../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';

describe.each(engines)('login and sessions on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  it('signs in, shows me, and signs out', async () => {
    const { client, email } = await signedInAs(t, ['resident']);
    const me = await client.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email, roles: ['resident'], organization: { slug: 'yeongdeungpo' } });
    const out = await client.post('/api/v1/auth/logout');
    expect(out.statusCode).toBe(200);
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('answers who this browser is signed in as, or nobody, with a 200 either way', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/session' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ me: null });
    const { client, email } = await signedInAs(t, ['staff']);
    const signedIn = (await client.get('/api/v1/session')).json();
    expect(signedIn.me).toMatchObject({ email, roles: ['staff'] });
    expect(signedIn.me.csrfToken).toEqual(expect.any(String));
    // The same cookie sent to another organization's host is nobody there.
    const other = await createOtherOrganization(t);
    const elsewhere = await client.get('/api/v1/session', { host: other.host });
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.json()).toEqual({ me: null });
    await client.post('/api/v1/auth/logout');
    expect((await client.get('/api/v1/session')).json()).toEqual({ me: null });
  });

  it('sets an HttpOnly, SameSite session cookie', async () => {
    const { email, password } = await signedInAs(t, ['resident']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('gives the same 401 for a wrong password and an unknown account', async () => {
    const { email } = await signedInAs(t, ['resident']);
    const c = new TestClient(t.app);
    const wrong = await c.post('/api/v1/auth/login', { email, password: 'not-the-password' });
    const unknown = await c.post('/api/v1/auth/login', {
      email: 'nobody@example.com',
      password: 'not-the-password',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    expect(wrong.json().error.code).toBe('invalid_credentials');
  });

  it('refuses a cookie-authenticated unsafe request without the CSRF token', async () => {
    const { client } = await signedInAs(t, ['resident']);
    const res = await client.post('/api/v1/auth/logout', undefined, { 'x-csrf-token': 'wrong' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf');
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('rejects unknown fields and malformed JSON with a 400 in the asked language', async () => {
    const c = new TestClient(t.app, 'en');
    const extra = await c.post('/api/v1/auth/login', { email: 'a@example.com', password: 'x', admin: true });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.details[0]).toMatchObject({ code: 'unrecognized_keys' });
    const bad = await c.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'invalid_json',
      message: 'The request body is not valid JSON.',
    });
  });
});
