import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, routeTable } from '../server/app.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { engines } from './helpers/engines.ts';
import { signedInAs } from './helpers/users.ts';

const sample = (url: string) =>
  url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000').replace('*', 'x');
const methods = (m: string | string[]) =>
  (Array.isArray(m) ? m : [m]).filter((x) => x !== 'HEAD' && x !== 'OPTIONS');

describe.each(engines)('HTTP platform rules on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  it('has an access rule on every route', () => {
    const routes = routeTable(t.app);
    expect(routes.length).toBeGreaterThan(5);
    const missing = routes.filter((r) => !r.config?.access).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('refuses every non-public route to an anonymous caller with 401', async () => {
    const refused: string[] = [];
    for (const r of routeTable(t.app)) {
      if (r.config?.access === 'public') continue;
      for (const method of methods(r.method)) {
        const res = await t.app.inject({
          method: method as 'GET',
          url: sample(r.url),
          payload: method === 'GET' || method === 'DELETE' ? undefined : {},
        });
        if (res.statusCode !== 401) refused.push(`${method} ${r.url} → ${res.statusCode}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('refuses every policy route to a signed-in person with no role (403 or 404)', async () => {
    const { client } = await signedInAs(t, []);
    const allowed: string[] = [];
    for (const r of routeTable(t.app)) {
      const access = r.config?.access;
      if (typeof access !== 'object') continue;
      for (const method of methods(r.method)) {
        const res = await client.request({
          method,
          url: sample(r.url),
          payload: method === 'GET' || method === 'DELETE' ? undefined : {},
        });
        if (![403, 404].includes(res.statusCode)) allowed.push(`${method} ${r.url} → ${res.statusCode}`);
      }
    }
    expect(allowed).toEqual([]);
  });

  it('sends security headers: a CSP without inline scripts, nosniff, frame-ancestors', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS only over HTTPS (behind a trusted proxy)', async () => {
    const proxied = await createTestApp(engine, { HAMKKE_TRUST_PROXY: '1' });
    try {
      const res = await proxied.app.inject({
        method: 'GET',
        url: '/healthz',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await proxied.close();
    }
  });

  it('answers an oversize body with 413 and a wrong media type with 415', async () => {
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(2_000_000) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('payload_too_large');
    expect(big.json().error.message).toMatch(/\d MB 이하로/);
    const xml = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().error.code).toBe('unsupported_media_type');
  });

  it('rate-limits a flood with 429 and a retry time (not /healthz, which load balancers poll)', async () => {
    const limited = await createTestApp(engine, { HAMKKE_RATE_LIMIT_PER_MINUTE: '10' });
    try {
      let last = await limited.app.inject({ method: 'GET', url: '/readyz' });
      for (let i = 0; i < 12; i++) last = await limited.app.inject({ method: 'GET', url: '/readyz' });
      expect(last.statusCode).toBe(429);
      expect(last.json().error.code).toBe('rate_limited');
      expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
      for (let i = 0; i < 12; i++)
        expect((await limited.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it("pages have a guard of their own, ten times the API one, and a refused page is a page in the person's language", async () => {
    const limited = await createTestApp(engine, { HAMKKE_RATE_LIMIT_PER_MINUTE: '10' });
    const page = (lang: string) =>
      limited.app.inject({
        method: 'GET',
        url: '/youth/policies',
        headers: { accept: 'text/html,application/xhtml+xml', 'accept-language': lang },
      });
    try {
      // Twenty page loads, twice the API's limit: none refused.
      for (let i = 0; i < 20; i++) expect((await page('ko')).statusCode).not.toBe(429);
      let last = await page('ko');
      for (let i = 0; i < 100 && last.statusCode !== 429; i++) last = await page('ko');
      expect(last.statusCode).toBe(429);
      expect(last.headers['content-type']).toMatch(/^text\/html/);
      expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
      expect(last.body).toContain('<html lang="ko">');
      expect(last.body).toContain('요청이 너무 많습니다.');
      expect(last.body).toContain('href="/"');
      expect(last.body).not.toContain('rate_limited');
      expect(last.body).not.toContain(last.headers['x-request-id'] ?? 'no-request-id-header');
      const english = await page('en');
      expect(english.body).toContain('<html lang="en">');
      expect(english.body).toContain('Too many requests.');
      // The API keeps its JSON answer.
      let api = await limited.app.inject({ method: 'GET', url: '/readyz', headers: { accept: 'text/html' } });
      for (let i = 0; i < 12; i++)
        api = await limited.app.inject({
          method: 'GET',
          url: '/api/v1/session',
          headers: { accept: 'text/html' },
        });
      expect(api.statusCode).toBe(429);
      expect(api.json().error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });

  it('publishes OpenAPI 3.1 describing every /api route, and a docs page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set(Object.keys(doc.paths).map((p) => p.replace(/\{(\w+)\}/g, ':$1')));
    const apiRoutes = routeTable(t.app).filter((r) => r.url.startsWith('/api/v1/'));
    const undocumented = apiRoutes.map((r) => r.url).filter((u) => !documented.has(u));
    expect(undocumented).toEqual([]);
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('will not build an app with a route that declares no access rule', async () => {
    const app = await buildApp({ config: t.config, database: t.database, jobs: t.jobs, logger: false });
    app.get('/api/v1/oops', async () => ({}));
    await expect(app.ready()).rejects.toThrow(/without an access rule: GET \/api\/v1\/oops/);
    await app.close().catch(() => {});
  });
});
