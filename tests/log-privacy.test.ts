import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrganization } from '../seed/builders/organization.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { createJobs } from '../server/platform/jobs/boss.ts';
import type { TestApp } from './helpers/app.ts';
import { TestClient } from './helpers/client.ts';
import { createTestDatabase } from './helpers/database.ts';
import { engines, TEST_SECRET_KEY } from './helpers/engines.ts';
import { tokenFromMail } from './helpers/mail.ts';

// A journey with marker values (email, name, password, link tokens, a search, a suggestion's text),
// ending with the database gone, logged at info: none of the markers reaches the log output.

describe.each(engines)('what the logs hold on %s', (engine) => {
  const lines: string[] = [];
  const stream = { write: (line: string) => void lines.push(line) };
  let t: TestApp;
  const tag = randomBytes(4).toString('hex');
  const marker = {
    email: `logmarker-${tag}@example.com`,
    name: `Zoltanmarker${tag}`,
    password: `pw-marker-${tag}-secret`,
    q: `검색표식${tag}`,
    body: `제안본문표식${tag}`,
    resetToken: '',
    verifyToken: '',
  };

  beforeAll(async () => {
    const database = await createTestDatabase(engine);
    const config = loadConfig({
      HAMKKE_RATE_LIMIT_PER_MINUTE: '100000',
      HAMKKE_DEV_MAILBOX: '1',
      HAMKKE_SECRET_KEY: TEST_SECRET_KEY,
      ...(database.url ? { DATABASE_URL: database.url } : {}),
    });
    const jobs = createJobs(database, config, database.url);
    await jobs.start();
    const org = await ensureOrganization(database.db);
    const app = await buildApp({ config, database, jobs, logger: { level: 'info', stream } });
    await app.ready();
    t = {
      app,
      database,
      jobs,
      config,
      org,
      async close() {
        await app.close();
        await jobs.stop();
        await database.close().catch(() => {}); // closed by the test already
      },
    };
  });
  afterAll(() => t?.close());

  it('logs routes and query keys, never personal data, tokens or query parameters', async () => {
    const c = new TestClient(t.app, 'en');
    const signup = await c.post('/api/v1/auth/signup', {
      email: marker.email,
      password: marker.password,
      displayName: marker.name,
      consents: { account: true },
    });
    expect(signup.statusCode, signup.body).toBeLessThan(300);
    marker.verifyToken = await tokenFromMail(t, marker.email, '/verify-email');
    expect((await c.get(`/verify-email?token=${marker.verifyToken}`)).statusCode).toBeLessThan(500);
    expect((await c.post('/api/v1/auth/verify-email', { token: marker.verifyToken })).statusCode).toBe(200);
    expect((await c.post('/api/v1/auth/password-reset', { email: marker.email })).statusCode).toBeLessThan(
      300,
    );
    marker.resetToken = await tokenFromMail(t, marker.email, '/reset-password');
    expect((await c.get(`/reset-password?token=${marker.resetToken}`)).statusCode).toBeLessThan(500);
    expect((await c.get(`/api/v1/unsubscribe?token=${marker.resetToken}`)).statusCode).toBeLessThan(500);
    await c.login(marker.email, marker.password);
    const search = await c.get(`/api/v1/search?q=${encodeURIComponent(marker.q)}`);
    expect(search.statusCode).toBe(200);
    const suggestion = await c.post('/api/v1/youth/suggestions', { title: '제안', body: marker.body });
    expect(suggestion.statusCode).toBe(200);

    // The database goes away: the failing queries carry the email and the text as parameters.
    await t.database.close();
    const anonymous = new TestClient(t.app, 'en');
    const login = await anonymous.post('/api/v1/auth/login', {
      email: marker.email,
      password: marker.password,
    });
    expect(login.statusCode).toBeGreaterThanOrEqual(500);
    const again = await c.post('/api/v1/youth/suggestions', { title: '제안', body: marker.body });
    expect(again.statusCode).toBeGreaterThanOrEqual(500);

    const output = lines.join('');
    for (const [what, value] of Object.entries(marker)) {
      expect(value, what).not.toBe('');
      expect(output.includes(value), `${what} in the log`).toBe(false);
    }
    expect(output).not.toContain(marker.email.split('@')[0]);
    expect(output).not.toMatch(/cookie|x-csrf-token|remoteAddress/i);
    // What the log does say: the route, the query's keys, and the failure without its parameters.
    const entries = lines.map((l) => JSON.parse(l));
    expect(entries.some((e) => e.req?.route === '/api/v1/search')).toBe(true);
    expect(entries.some((e) => e.req?.url === '/api/v1/search?q=[redacted]')).toBe(true);
    expect(entries.some((e) => e.req?.url === '/reset-password?token=[redacted]')).toBe(true);
    const failures = entries.filter((e) => e.err && e.level >= 40);
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(failures.every((e) => typeof e.err.message === 'string' && typeof e.err.stack === 'string')).toBe(
      true,
    );
    expect(failures.some((e) => e.err.message.endsWith('params: [redacted]'))).toBe(true);
    expect(output).not.toMatch(/"params":|"parameters":|"detail":/);
  });
});
