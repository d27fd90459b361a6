import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { RedirectBrowser, startTestOidcProvider } from '../../../../tests/helpers/oidc-provider.ts';
import { hasConsent } from '../../privacy/consents.ts';
import { createVerifiedUser } from '../commands.ts';
import { SESSION_COOKIE } from '../sessions.ts';
import { users } from '../tables.ts';
import { userIdentities } from './tables.ts';

const CALLBACK = '/api/v1/auth/oidc/callback';
const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

describe.each(engines)('OIDC sign-in against a real provider on %s', (engine) => {
  let t: TestApp;
  let idp: Awaited<ReturnType<typeof startTestOidcProvider>>;
  let base: string;
  beforeAll(async () => {
    idp = await startTestOidcProvider();
    t = await createTestApp(engine, {
      OIDC_ISSUER_URL: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_NAME: '테스트 계정',
    });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    idp.register(`${base}${CALLBACK}`);
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  /** Goes through the provider as `subject` and returns where our callback sends the browser. */
  async function signIn(browser: RedirectBrowser, subject: string): Promise<string | null> {
    const callback = await browser.walk(`${base}/api/v1/auth/oidc/start`, subject, `${base}${CALLBACK}`);
    const res = await browser.request(callback);
    expect(res.status).toBe(302);
    return res.headers.get('location');
  }

  async function me(browser: RedirectBrowser) {
    const res = await browser.request(`${base}/api/v1/me`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('says it is offered, with its name', async () => {
    const res = await new TestClient(t.app).get('/api/v1/auth/oidc');
    expect(res.json()).toEqual({ enabled: true, name: '테스트 계정' });
  });

  it('creates an account at the first sign-in and reuses the link at the next', async () => {
    const subject = unique('sub');
    const email = `${unique('new')}@example.com`;
    idp.accounts.set(subject, { email, email_verified: true, name: '김함께' });

    const browser = new RedirectBrowser();
    expect(await signIn(browser, subject)).toBe('/');
    expect(browser.cookie(base, SESSION_COOKIE)).toBeTruthy();
    const first = await me(browser);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      email,
      displayName: '김함께',
      emailVerified: true,
      roles: ['resident'],
      twoFactorEnabled: false,
    });
    const userId = first.body.id as string;
    expect(await hasConsent(t.database.db, userId, 'account')).toBe(true);
    const links = await t.database.db.select().from(userIdentities).where(eq(userIdentities.userId, userId));
    expect(links).toMatchObject([{ issuer: idp.issuer, subject }]);

    const again = new RedirectBrowser();
    expect(await signIn(again, subject)).toBe('/');
    expect((await me(again)).body.id).toBe(userId);
    expect(await t.database.db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
  });

  it('links an account whose verified email the provider also verified', async () => {
    const email = `${unique('existing')}@example.com`;
    const existing = await createVerifiedUser(t.database.db, {
      email,
      password: 'pw-long-enough-1',
      organizationId: t.org.id,
      roles: ['resident', 'youth'],
    });
    const subject = unique('sub');
    idp.accounts.set(subject, { email: email.toUpperCase(), email_verified: true });
    const browser = new RedirectBrowser();
    expect(await signIn(browser, subject)).toBe('/');
    const res = await me(browser);
    expect(res.body).toMatchObject({ id: existing.id, email });
    expect([...(res.body.roles as string[])].sort()).toEqual(['resident', 'youth']);
  });

  it('does not link on an email the provider has not verified', async () => {
    const email = `${unique('victim')}@example.com`;
    const victim = await createVerifiedUser(t.database.db, {
      email,
      password: 'pw-long-enough-1',
      organizationId: t.org.id,
      roles: ['resident'],
    });
    const subject = unique('sub');
    idp.accounts.set(subject, { email, email_verified: false });
    const browser = new RedirectBrowser();
    expect(await signIn(browser, subject)).toBe('/login?error=oidc');
    expect((await me(browser)).status).toBe(401);
    expect(
      await t.database.db.select().from(userIdentities).where(eq(userIdentities.userId, victim.id)),
    ).toHaveLength(0);
  });

  it('refuses a callback whose state does not match, and a callback used twice', async () => {
    const subject = unique('sub');
    idp.accounts.set(subject, { email: `${unique('state')}@example.com`, email_verified: true });
    const browser = new RedirectBrowser();
    const callback = new URL(
      await browser.walk(`${base}/api/v1/auth/oidc/start`, subject, `${base}${CALLBACK}`),
    );
    expect(callback.searchParams.get('state')).toBeTruthy();
    const genuine = callback.href;
    const handle = browser.cookie(base, 'hamkke_oidc') as string;
    expect(handle).toBeTruthy();
    callback.searchParams.set('state', 'forged-state');
    const forged = await browser.request(callback.href);
    expect(forged.status).toBe(302);
    expect(forged.headers.get('location')).toBe('/login?error=oidc');
    expect(browser.cookie(base, SESSION_COOKIE)).toBeUndefined();
    expect((await me(browser)).status).toBe(401);
    // The attempt was single use: the genuine answer, arriving after with the same handle, is refused too.
    browser.setCookie(base, 'hamkke_oidc', handle);
    const late = await browser.request(genuine);
    expect(late.headers.get('location')).toBe('/login?error=oidc');
  });

  it('refuses a callback in a browser that did not start the sign-in', async () => {
    const subject = unique('sub');
    idp.accounts.set(subject, { email: `${unique('csrf')}@example.com`, email_verified: true });
    const victimBrowser = new RedirectBrowser();
    const callback = await new RedirectBrowser().walk(
      `${base}/api/v1/auth/oidc/start`,
      subject,
      `${base}${CALLBACK}`,
    );
    const res = await victimBrowser.request(callback);
    expect(res.headers.get('location')).toBe('/login?error=oidc');
    expect(victimBrowser.cookie(base, SESSION_COOKIE)).toBeUndefined();
  });

  it('asks for the second factor when the linked account has two-factor on', async () => {
    const email = `${unique('totp')}@example.com`;
    const user = await createVerifiedUser(t.database.db, {
      email,
      password: 'pw-long-enough-1',
      organizationId: t.org.id,
      roles: ['resident'],
    });
    await t.database.db
      .update(users)
      .set({ totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', totpEnabledAt: new Date() })
      .where(eq(users.id, user.id));
    const subject = unique('sub');
    idp.accounts.set(subject, { email, email_verified: true });
    const browser = new RedirectBrowser();
    expect(await signIn(browser, subject)).toBe('/login?step=two-factor');
    expect(browser.cookie(base, SESSION_COOKIE)).toBeTruthy();
    expect((await me(browser)).status).toBe(401); // pending until the code
  });
});

describe.each(engines)('OIDC not configured on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  it('says it is not offered and refuses to start', async () => {
    const c = new TestClient(t.app, 'en');
    expect((await c.get('/api/v1/auth/oidc')).json()).toEqual({ enabled: false });
    const start = await c.get('/api/v1/auth/oidc/start');
    expect(start.statusCode).toBe(404);
    expect(start.json().error).toMatchObject({
      code: 'oidc_disabled',
      message: expect.stringContaining('not set up'),
    });
    expect((await c.get('/api/v1/auth/oidc/callback?code=x&state=y')).statusCode).toBe(404);
  });
});
