import { createECDH, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createServer, type Socket } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { dispatchPending } from './dispatch.ts';
import { enqueueNotification } from './outbox.ts';
import { PUSH_CONNECT_TIMEOUT_MS } from './push/send.ts';
import { outbox, pushDeliveries } from './tables.ts';

const keys = () => {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') };
};

// Issue 7, finding 3: a push host that accepts the connection and never answers must not stop the
// site (PGlite has one connection: a transaction held during the send stopped every page).
describe.each(engines)('a silent push host on %s', (engine) => {
  let t: TestApp;
  const sockets: Socket[] = [];
  const silent = createServer((s) => sockets.push(s)); // accepts, never answers
  let port = 0;
  beforeAll(async () => {
    t = await createTestApp(engine, { HAMKKE_PUSH_HOSTS: 'localhost', HAMKKE_TEST_PUSH_ALLOW_LOOPBACK: '1' });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    port = (silent.address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => silent.close(resolve));
    await t?.close();
  });

  async function pushPerson() {
    const who = await signedInAs(t, ['resident']);
    await t.database.db.execute(
      sql`insert into notification_preferences (user_id, kind, in_app, email, push) values (${who.user.id}, 'system.announcement', true, false, true)`,
    );
    await who.client.put('/api/v1/me/consents/notifications', { granted: true });
    await who.client.put('/api/v1/me/notification-settings', {
      quietHours: { enabled: false, start: '22:00', end: '08:00' },
      mobileNumber: null,
      emailDigest: false,
    });
    return who;
  }
  const timed = async (work: () => Promise<{ statusCode: number }>) => {
    const start = performance.now();
    const res = await work();
    return { status: res.statusCode, ms: performance.now() - start };
  };

  it('keeps pages answering while the dispatcher waits, and gives up on the host after the timeout', async () => {
    const who = await pushPerson();
    for (let i = 0; i < 3; i++) {
      const res = await who.client.post('/api/v1/me/push-subscriptions', {
        endpoint: `https://localhost:${port}/push/${i}`,
        keys: keys(),
      });
      expect(res.statusCode).toBe(200);
    }
    await t.database.db.transaction((tx) =>
      enqueueNotification(tx, {
        organizationId: t.org.id,
        userId: who.user.id,
        kind: 'system.announcement',
        title: { ko: '안내', en: 'Notice' },
        body: { ko: '본문', en: 'Body' },
      }),
    );
    const deps = { db: t.database.db, config: t.config };
    await dispatchPending(deps, { max: 1 }); // the bell row queues the push row
    const before = sockets.length;
    const started = performance.now();
    const run = dispatchPending(deps);
    await expect.poll(() => sockets.length - before, { timeout: 5_000, interval: 20 }).toBe(3);
    // The dispatcher is now waiting on the silent host: the site answers at once.
    const health = await timed(() => t.app.inject({ method: 'GET', url: '/healthz' }));
    const page = await timed(() => who.client.get('/api/v1/me/push-subscriptions'));
    const anon = await timed(() => new TestClient(t.app).get('/api/v1/youth/policies'));
    for (const r of [health, page, anon]) {
      expect(r.status).toBe(200);
      expect(r.ms).toBeLessThan(1000);
    }
    expect(await run).toMatchObject({ delivered: 0, failed: 1 });
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(PUSH_CONNECT_TIMEOUT_MS - 100);
    expect(took).toBeLessThan(PUSH_CONNECT_TIMEOUT_MS + 4000); // the three sends wait side by side
    const [pushRow] = await t.database.db
      .select()
      .from(outbox)
      .where(sql`${outbox.userId} = ${who.user.id} and ${outbox.type} = 'push'`);
    expect(pushRow).toMatchObject({ attempts: 1, dispatchedAt: null, failedAt: null, claimId: null });
    expect(pushRow.lastError).toMatch(/push connect timeout/);
    expect(pushRow.nextAttemptAt.getTime()).toBeGreaterThan(Date.now()); // retried later, with backoff
    // Nothing counts as delivered: the retry tries every subscription again.
    expect(
      await t.database.db.select().from(pushDeliveries).where(eq(pushDeliveries.outboxId, pushRow.id)),
    ).toEqual([]);
  }, 30_000);

  it('takes at most 10 devices a person, with a clear message, and re-registering one is no new device', async () => {
    const who = await pushPerson();
    const endpoint = (i: number) => `https://localhost:${port}/cap/${who.user.id}/${i}`;
    for (let i = 0; i < 10; i++)
      expect(
        (await who.client.post('/api/v1/me/push-subscriptions', { endpoint: endpoint(i), keys: keys() }))
          .statusCode,
      ).toBe(200);
    const again = await who.client.post('/api/v1/me/push-subscriptions', {
      endpoint: endpoint(3),
      keys: keys(),
    });
    expect(again.statusCode).toBe(200);
    const ko = await who.client.post('/api/v1/me/push-subscriptions', {
      endpoint: endpoint(10),
      keys: keys(),
    });
    expect(ko.statusCode).toBe(409);
    expect(ko.json().error).toMatchObject({
      code: 'push_subscriptions_limit',
      message: expect.stringContaining('10대까지'),
    });
    const en = await who.client.post(
      '/api/v1/me/push-subscriptions',
      { endpoint: endpoint(11), keys: keys() },
      { 'accept-language': 'en' },
    );
    expect(en.json().error.message).toMatch(/up to 10 devices/);
    expect((await who.client.get('/api/v1/me/push-subscriptions')).json().items).toHaveLength(10);
  });
});
