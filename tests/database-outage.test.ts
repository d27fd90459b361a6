import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { openPostgres } from '../server/platform/db/connect.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { engines, TEST_DATABASE_URL } from './helpers/engines.ts';

// A database that restarts or is away is "try again shortly" (503 with Retry-After), never a 500.

function expectRetryLater(res: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  expect(res.statusCode, res.body).toBe(503);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(JSON.parse(res.body).error.code).toBe('database_unavailable');
}

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

// Terminating connections and refused ports are PostgreSQL's failures; PGlite's is being closed.
describe.each(engines.filter((e) => e === 'postgres'))('the database going away on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  it('answers 200 or 503 with Retry-After while every connection is terminated', async () => {
    const name = new URL(t.database.url!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    const statuses: number[] = [];
    try {
      for (let round = 0; round < 10; round++) {
        const requests = Array.from({ length: 8 }, (_, i) =>
          t.app.inject({ method: 'GET', url: `/api/v1/search?q=${round}-${i}` }),
        );
        await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [
          name,
        ]);
        for (const res of await Promise.all(requests)) {
          statuses.push(res.statusCode);
          if (res.statusCode !== 200) expectRetryLater(res);
        }
      }
    } finally {
      await admin.end();
    }
    console.log(
      JSON.stringify({
        engine,
        ok: statuses.filter((s) => s === 200).length,
        retry: statuses.filter((s) => s === 503).length,
      }),
    );
    // And the pool recovers by itself.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/search?q=after' })).statusCode).toBe(200);
  }, 120_000);

  it('answers 503 when the database refuses connections', async () => {
    const url = new URL(t.database.url!);
    url.port = String(await closedPort());
    const database = openPostgres(url.toString(), 2);
    const app = await buildApp({ config: t.config, database, jobs: t.jobs, logger: false });
    try {
      expectRetryLater(await app.inject({ method: 'GET', url: '/api/v1/search?q=x' }));
      expectRetryLater(
        await app.inject({
          method: 'GET',
          url: '/api/v1/youth/policies',
          headers: { 'accept-language': 'ko' },
        }),
      );
    } finally {
      await app.close();
      await database.close();
    }
  });
});

describe('the embedded database going away', () => {
  it('answers 503 once the database is closed', async () => {
    const other = await createTestApp('pglite');
    try {
      await other.database.close();
      const res = await other.app.inject({
        method: 'GET',
        url: '/api/v1/search?q=x',
        headers: { 'accept-language': 'en' },
      });
      expectRetryLater(res);
      expect(res.json().error.message).toMatch(/seconds/);
    } finally {
      await other.app.close();
      await other.jobs.stop().catch(() => {});
    }
  });
});
