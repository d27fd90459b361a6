import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { runCli } from '../server/cli.ts';
import { cliCommands } from '../server/cli-commands.ts';
import { type Config, loadConfig } from '../server/config.ts';
import { createJobs, type Jobs } from '../server/platform/jobs/boss.ts';
import { createTestApp } from './helpers/app.ts';
import { TestClient } from './helpers/client.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';
import { engines, TEST_SECRET_KEY } from './helpers/engines.ts';

// A fresh install: a migrated database with no organization, the server running. It must answer
// its health check, say what is missing, show the first-run page for the site and a clear 503 for
// the API, and notice the organization the CLI adds without a restart.
describe.each(engines)('a fresh install on %s', (engine) => {
  let database: TestDatabase;
  let config: Config;
  let jobs: Jobs;
  let app: FastifyInstance;
  let client: TestClient;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    config = loadConfig({
      HAMKKE_LOG_LEVEL: 'silent',
      HAMKKE_RATE_LIMIT_PER_MINUTE: '100000',
      HAMKKE_DEMO: '0',
      HAMKKE_DEV_MAILBOX: '1',
      HAMKKE_SECRET_KEY: TEST_SECRET_KEY,
      ...(database.url ? { DATABASE_URL: database.url } : {}),
    });
    jobs = createJobs(database, config, database.url);
    await jobs.start();
    app = await buildApp({ config, database, jobs, logger: false });
    await app.ready();
    client = new TestClient(app);
  });
  afterAll(async () => {
    await app?.close();
    await jobs?.stop();
    await database?.close();
  });

  /** The admin CLI: on PostgreSQL the real `runCli` beside the running server; PGlite opens in one
   * process only, so there the same command runs on the server's database. */
  async function cli(argv: string[]): Promise<void> {
    if (database.url) {
      const saved = { ...process.env };
      Object.assign(process.env, { DATABASE_URL: database.url, HAMKKE_SECRET_KEY: TEST_SECRET_KEY });
      try {
        expect(await runCli(argv, () => {})).toBe(0);
      } finally {
        process.env = saved;
      }
      return;
    }
    const command = cliCommands.find((c) => argv.join(' ').startsWith(`${c.name} `))!;
    const values: Record<string, string | string[]> = {};
    const rest = argv.slice(command.name.split(' ').length);
    for (let i = 0; i < rest.length; i += 2) {
      const key = rest[i].replace(/^--/, '');
      const multiple = (command.options?.[key] as { multiple?: boolean } | undefined)?.multiple;
      values[key] = multiple ? [...((values[key] as string[]) ?? []), rest[i + 1]] : rest[i + 1];
    }
    await command.run({ config, database, out: () => {} }, values as never, []);
  }

  it('answers /healthz 200 before any organization exists', async () => {
    const res = await client.get('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: engine });
  });

  it('is not ready, and /readyz names the organization and the admin as missing', async () => {
    const res = await client.get('/readyz');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({
      status: 'unavailable',
      db: engine,
      missing: ['organization', 'admin'],
      mail: 'dev-mailbox',
    });
  });

  it('shows the first-run page for any page of the site, under the strict CSP', async () => {
    for (const url of ['/', '/youth/policies', '/login?next=%2F']) {
      const res = await client.get(url, { accept: 'text/html' });
      expect(res.statusCode, url).toBe(503);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.body).toContain('설치가 끝나지 않았습니다');
      expect(res.body).toContain('The installation is not finished');
      expect(res.body).toContain('npm run cli -- org add --slug');
      expect(res.body).toContain('npm run cli -- user add --email');
      expect(res.body).toContain('--role admin --role staff');
      expect(res.body).not.toMatch(/<script|style=|<style/i);
    }
    const css = await client.get('/first-run.css');
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('answers API requests with a 503 not_installed error in the request language', async () => {
    const ko = await client.get('/api/v1/youth/policies');
    expect(ko.statusCode).toBe(503);
    expect(ko.json().error).toMatchObject({ code: 'not_installed' });
    expect(ko.json().error.message).toMatch(/^설치가 끝나지 않았습니다/);
    const en = await client.get('/api/v1/youth/policies', { 'accept-language': 'en' });
    expect(en.json().error.message).toMatch(/^The installation is not finished/);

    // Writes are refused the same way: nothing may be filed under an organization that does not exist.
    const signup = await client.post('/api/v1/auth/signup', {
      email: 'early@example.com',
      password: 'correct horse battery',
      displayName: 'Early',
    });
    expect(signup.statusCode).toBe(503);
    expect(signup.json().error.code).toBe('not_installed');
    for (const url of ['/api/v1/nothing-here', '/api/openapi.json', '/api/v1/search?q=청년']) {
      const res = await client.get(url);
      expect(res.statusCode, url).toBe(503);
      expect(res.json().error.code, url).toBe('not_installed');
    }
  });

  it('notices the organization the CLI adds, then the admin, without a restart', async () => {
    await cli([
      'org',
      'add',
      '--slug',
      'fresh-gu',
      '--name-ko',
      '새구 사회적경제과',
      '--name-en',
      'Fresh-gu',
    ]);
    const ready = await client.get('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', db: engine, missing: ['admin'], mail: 'dev-mailbox' });

    const password = 'a fresh admin password';
    await cli([
      'user',
      'add',
      '--email',
      'admin@fresh.example',
      '--password',
      password,
      '--role',
      'admin',
      '--role',
      'staff',
    ]);
    const done = await client.get('/readyz');
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ status: 'ok', db: engine, mail: 'dev-mailbox' });

    const policies = await client.get('/api/v1/youth/policies');
    expect(policies.statusCode).toBe(200);
    const page = await client.get('/');
    expect(page.statusCode).not.toBe(503);
    expect(page.body).not.toContain('설치가 끝나지 않았습니다');
    const login = await client.post('/api/v1/auth/login', { email: 'admin@fresh.example', password });
    expect(login.statusCode).toBe(200);
  });
});

describe.each(engines)('readiness and mail on %s', (engine) => {
  it('reports mail as disabled without making the server unready', async () => {
    const t = await createTestApp(engine, { HAMKKE_DEMO: '0', HAMKKE_DEV_MAILBOX: '' });
    try {
      expect(t.config.mailDisabled).toBe(true);
      const res = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'ok', db: engine, mail: 'disabled' });
    } finally {
      await t.close();
    }
  });
});
