import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { openPostgres } from '../server/platform/db/connect.ts';
import { createJobs, type Jobs } from '../server/platform/jobs/boss.ts';
import { emailMessages } from '../server/platform/notify/tables.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { TestClient } from './helpers/client.ts';
import { TEST_DATABASE_URL } from './helpers/engines.ts';

// Two app instances with their own connection pools and job runners on one PostgreSQL database,
// as two processes behind a load balancer would be: nothing a request needs lives in one of them.
describe.runIf(TEST_DATABASE_URL)('several app processes on one PostgreSQL', () => {
  let first: TestApp;
  let second: { app: FastifyInstance; jobs: Jobs; close(): Promise<void> };
  beforeAll(async () => {
    first = await createTestApp('postgres');
    const database = openPostgres(first.database.url!, 3);
    const jobs = createJobs(database, first.config, first.database.url);
    await jobs.start();
    const app = await buildApp({ config: first.config, database, jobs, logger: false });
    await app.ready();
    second = {
      app,
      jobs,
      async close() {
        await app.close();
        await jobs.stop();
        await database.close();
      },
    };
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('signs up on one, delivers the email from the other, and shares the session and CSRF token', async () => {
    await second.jobs.workAll(); // only the second instance works jobs
    const email = `two-${Date.now()}@example.com`;
    const onFirst = new TestClient(first.app);
    const signup = await onFirst.post('/api/v1/auth/signup', {
      email,
      password: 'a-long-password',
      displayName: '둘째',
      consents: { account: true },
    });
    expect(signup.statusCode).toBe(201);

    // The dispatch job queued by the first instance's transaction is worked by the second.
    let mail: { bodyText: string | null } | undefined;
    for (let i = 0; i < 60 && !mail; i++) {
      [mail] = await first.database.db
        .select()
        .from(emailMessages)
        .where(eq(emailMessages.toAddress, email))
        .orderBy(desc(emailMessages.createdAt));
      if (!mail) await new Promise((r) => setTimeout(r, 250));
    }
    const token = mail?.bodyText?.match(/verify-email\?token=([A-Za-z0-9_-]+)/)?.[1];
    expect(token).toBeTruthy();
    expect((await new TestClient(second.app).post('/api/v1/auth/verify-email', { token })).statusCode).toBe(
      200,
    );

    await onFirst.login(email, 'a-long-password');
    // The same cookie and CSRF token, sent to the other instance.
    const onSecond = new TestClient(second.app);
    onSecond.cookies = new Map(onFirst.cookies);
    onSecond.csrfToken = onFirst.csrfToken;
    expect((await onSecond.get('/api/v1/me')).json().email).toBe(email);
    expect((await onSecond.patch('/api/v1/me', { displayName: '바뀐이름' })).statusCode).toBe(200);
    expect((await onFirst.get('/api/v1/me')).json().displayName).toBe('바뀐이름');
    // Logging out on one ends the session on both.
    expect((await onSecond.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await onFirst.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('throttles logins across instances', async () => {
    const a = new TestClient(first.app);
    const b = new TestClient(second.app);
    const email = 'nobody-here@example.com';
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await (i % 2 === 0 ? a : b).post('/api/v1/auth/login', {
        email,
        password: 'wrong-password',
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes[5]).toBe(429);
  });
});
