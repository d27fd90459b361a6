import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBuilt, freePort } from './e2e/server.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';
import { engines, TEST_SECRET_KEY } from './helpers/engines.ts';

// The compiled server (`node dist/server/main.js`, as `npm start` and production run it) on an empty
// database, with no mail configured and the test-only push setting: it starts, warns about both,
// prints how to finish the install, and serves health checks and the first-run page.
describe.each(engines)('the compiled server on an empty %s database', (engine) => {
  let child: ChildProcess;
  let output = '';
  let url = '';
  let database: TestDatabase | undefined;
  let dataDir: string | undefined;

  beforeAll(async () => {
    const build = ensureServerBuilt();
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env))
      if (v !== undefined && !/^(HAMKKE_|OIDC_|SMTP_|DATABASE_URL$|PORT$|HOST$)/.test(k)) env[k] = v;
    if (engine === 'postgres') {
      database = await createTestDatabase('postgres');
      env.DATABASE_URL = database.url!;
    } else {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hamkke-compiled-'));
      Object.assign(env, { HAMKKE_DATA_DIR: dataDir, HAMKKE_DEMO: '0' });
    }
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    Object.assign(env, {
      PORT: String(port),
      HOST: '127.0.0.1',
      HAMKKE_LOG_LEVEL: 'warn',
      HAMKKE_SECRET_KEY: TEST_SECRET_KEY,
      HAMKKE_TEST_PUSH_ALLOW_LOOPBACK: '1',
    });
    child = spawn(process.execPath, [path.join(build, 'server/main.js')], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    const deadline = Date.now() + 90_000;
    while (!output.includes('is running')) {
      if (child.exitCode !== null) throw new Error(`the server exited:\n${output}`);
      if (Date.now() > deadline) throw new Error(`the server did not start within 90 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 200)); // the lines after "is running" come in the same tick
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await database?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('warns that no email will be sent, that the push setting is for tests, and how to add the organization', () => {
    expect(output).toContain('Warning: no email will be sent');
    expect(output).toContain('password reset emails cannot reach anyone');
    expect(output).toContain('HAMKKE_TEST_PUSH_ALLOW_LOOPBACK is set');
    expect(output).toContain('for tests only');
    expect(output).toContain('No organization yet');
    expect(output).toContain('npm run cli -- org add');
  });

  it('answers its health checks and shows the first-run page', async () => {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      status: 'unavailable',
      db: engine,
      missing: ['organization', 'admin'],
      mail: 'disabled',
    });
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('설치가 끝나지 않았습니다');
  });
});
