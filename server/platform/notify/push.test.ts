import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { startPushPeer } from '../../../tests/helpers/push-peer.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { deliverOutboxRow, dispatchPending } from './dispatch.ts';
import { enqueueNotification } from './outbox.ts';
import { outbox, pushDeliveries, pushSubscriptions, pushVapidKeys } from './tables.ts';

describe.each(engines)('Web Push on %s', (engine) => {
  let t: TestApp;
  let peer: Awaited<ReturnType<typeof startPushPeer>>;
  beforeAll(async () => {
    t = await createTestApp(engine, { HAMKKE_PUSH_HOSTS: 'localhost', HAMKKE_TEST_PUSH_ALLOW_LOOPBACK: '1' });
    peer = await startPushPeer();
  });
  afterAll(async () => {
    await peer?.close();
    await t?.close();
  });

  const deps = () => ({ db: t.database.db, config: t.config, pushCa: peer.certPem });
  const notify = (userId: string, title: string) =>
    t.database.db.transaction((tx) =>
      enqueueNotification(tx, {
        organizationId: t.org.id,
        userId,
        kind: 'system.announcement',
        title: { ko: title, en: `${title} (en)` },
        body: { ko: '본문입니다.', en: 'The body.' },
        link: '/notices/1',
      }),
    );
  /** A person with push on for service announcements and quiet hours off (tested elsewhere). */
  async function pushPerson() {
    const who = await signedInAs(t, ['resident']);
    const prefs = await who.client.put('/api/v1/me/notification-preferences', {
      items: [{ kind: 'system.announcement', channels: { inApp: true, email: false, push: true } }],
    });
    expect(prefs.json().items).toContainEqual(
      expect.objectContaining({
        kind: 'system.announcement',
        channels: { inApp: true, email: false, push: true, sms: false },
      }),
    );
    expect((await who.client.put('/api/v1/me/consents/notifications', { granted: true })).statusCode).toBe(
      200,
    );
    const settings = await who.client.put('/api/v1/me/notification-settings', {
      quietHours: { enabled: false, start: '22:00', end: '08:00' },
      mobileNumber: null,
      emailDigest: false,
    });
    expect(settings.statusCode).toBe(200);
    return who;
  }
  const subscribe = async (client: TestClient) => {
    const sub = peer.subscribe();
    const res = await client.post('/api/v1/me/push-subscriptions', {
      endpoint: sub.endpoint,
      expirationTime: null,
      keys: sub.keys,
    });
    expect(res.statusCode).toBe(200);
    return { ...sub, rowId: res.json().id as string };
  };
  const receivedBy = (subscriptionId: string) =>
    peer.received.filter((m) => m.subscription === subscriptionId);

  it('makes the VAPID key pair once and serves only the public key', async () => {
    const anon = new TestClient(t.app);
    const first = await anon.get('/api/v1/push/public-key');
    expect(first.statusCode).toBe(200);
    const again = await anon.get('/api/v1/push/public-key');
    expect(again.json()).toEqual(first.json());
    const [stored] = await t.database.db.select().from(pushVapidKeys);
    expect(first.json()).toEqual({ publicKey: stored.publicKey });
    expect(first.body).not.toContain(stored.privateKey);
    expect(Buffer.from(stored.publicKey, 'base64url')).toHaveLength(65);
  });

  it('pushes one encrypted, VAPID-signed message per subscription, and never twice', async () => {
    const { client, user } = await pushPerson();
    const sub = await subscribe(client);
    const list = (await client.get('/api/v1/me/push-subscriptions')).json();
    expect(list.items).toEqual([
      {
        id: sub.rowId,
        label: expect.any(String),
        endpointHost: new URL(peer.origin).host,
        createdAt: expect.any(String),
      },
    ]);

    const id = await notify(user.id, '단수 안내');
    const [notificationRow] = await t.database.db.select().from(outbox).where(eq(outbox.id, id));
    // The notification row first: it writes the bell entry and queues a push row of its own.
    expect(await dispatchPending(deps(), { max: 1 })).toMatchObject({ delivered: 1 });
    const [pushRow] = await t.database.db
      .select()
      .from(outbox)
      .where(sql`${outbox.userId} = ${user.id} and ${outbox.type} = 'push'`);
    expect(pushRow.payload).toMatchObject({ kind: 'system.announcement', source: String(id) });
    expect(await dispatchPending(deps())).toMatchObject({ delivered: 1, failed: 0 });
    expect(peer.rejected).toEqual([]);
    const got = receivedBy(sub.id);
    expect(got).toHaveLength(1);
    expect(got[0].payload).toMatchObject({
      title: '단수 안내',
      body: '본문입니다.',
      link: '/notices/1',
      kind: 'system.announcement',
      deliveryId: expect.any(String),
    });
    const { publicKey } = (await client.get('/api/v1/push/public-key')).json();
    expect(got[0].vapidKey).toBe(publicKey);
    expect(got[0].claims.aud).toBe(peer.origin);

    // Delivering the rows again (a crash before they were marked) pushes nothing more.
    for (const row of [notificationRow, pushRow])
      await t.database.db.transaction((tx) => deliverOutboxRow(tx, row, deps()));
    expect(await dispatchPending(deps())).toMatchObject({ delivered: 0 });
    expect(receivedBy(sub.id)).toHaveLength(1);
    expect(await t.database.db.select().from(outbox).where(eq(outbox.userId, user.id))).toHaveLength(2);

    // The service worker reports the click, without cookies; twice changes nothing.
    const deliveryId = got[0].payload.deliveryId as string;
    const anon = new TestClient(t.app);
    expect((await anon.post(`/api/v1/push/deliveries/${deliveryId}/opened`)).statusCode).toBe(200);
    expect((await anon.post(`/api/v1/push/deliveries/${deliveryId}/opened`)).statusCode).toBe(200);
    const [delivery] = await t.database.db
      .select()
      .from(pushDeliveries)
      .where(eq(pushDeliveries.id, deliveryId));
    expect(delivery).toMatchObject({
      userId: user.id,
      organizationId: t.org.id,
      kind: 'system.announcement',
    });
    expect(delivery.openedAt).toBeInstanceOf(Date);
    expect(
      (await anon.post('/api/v1/push/deliveries/00000000-0000-4000-8000-000000000000/opened')).statusCode,
    ).toBe(404);
  });

  it('forgets a subscription the push service calls gone (410) and retries only the unreached', async () => {
    const { client, user } = await pushPerson();
    const gone = await subscribe(client);
    const busy = await subscribe(client);
    const fine = await subscribe(client);
    peer.answer(gone.id, 410);
    peer.answer(busy.id, 503);
    await notify(user.id, '재시도');
    const first = await dispatchPending(deps());
    expect(first).toMatchObject({ delivered: 1, failed: 1 });
    expect(receivedBy(fine.id)).toHaveLength(1);
    expect(receivedBy(busy.id)).toHaveLength(0);
    const left = await t.database.db
      .select()
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, user.id));
    expect(left.map((s) => s.id).sort()).toEqual([busy.rowId, fine.rowId].sort());
    const [pushRow] = await t.database.db
      .select()
      .from(outbox)
      .where(sql`${outbox.userId} = ${user.id} and ${outbox.type} = 'push'`);
    expect(pushRow).toMatchObject({ attempts: 1, dispatchedAt: null });
    expect(pushRow.lastError).toMatch(/503/);

    await t.database.db
      .update(outbox)
      .set({ nextAttemptAt: new Date(Date.now() - 1000) })
      .where(eq(outbox.id, pushRow.id));
    expect(await dispatchPending(deps())).toMatchObject({ delivered: 1, failed: 0 });
    expect(receivedBy(busy.id)).toHaveLength(1);
    expect(receivedBy(fine.id)).toHaveLength(1); // not pushed a second time
  });

  it("lists and removes only the person's own devices, and asks for a session", async () => {
    const me = await pushPerson();
    const other = await pushPerson();
    const mine = await subscribe(me.client);
    const theirs = await subscribe(other.client);
    expect((await me.client.delete(`/api/v1/me/push-subscriptions/${theirs.rowId}`)).statusCode).toBe(404);
    expect((await other.client.get('/api/v1/me/push-subscriptions')).json().items).toHaveLength(1);
    expect((await me.client.delete(`/api/v1/me/push-subscriptions/${mine.rowId}`)).statusCode).toBe(200);
    expect((await me.client.get('/api/v1/me/push-subscriptions')).json().items).toEqual([]);
    const notHttps = await me.client.post('/api/v1/me/push-subscriptions', {
      endpoint: 'http://127.0.0.1:1/push/x',
      keys: mine.keys,
    });
    expect(notHttps.statusCode).toBe(400);
    expect(notHttps.json().error.details[0].field).toBe('body.endpoint');
    // Only browsers' push services (and hosts the operator adds): no requests to internal addresses.
    for (const endpoint of ['https://10.0.0.5/push/x', 'https://fcm.googleapis.com.evil.example/x']) {
      const internal = await me.client.post('/api/v1/me/push-subscriptions', { endpoint, keys: mine.keys });
      expect(internal.statusCode).toBe(400);
      expect(internal.json().error.details[0]).toMatchObject({
        field: 'body.endpoint',
        code: 'push_service_unknown',
      });
    }
    expect(
      (await me.client.get('/api/v1/me/push-subscriptions')).json().items,
      'nothing stored from refused endpoints',
    ).toEqual([]);

    const anon = new TestClient(t.app);
    for (const [method, url] of [
      ['GET', '/api/v1/me/push-subscriptions'],
      ['POST', '/api/v1/me/push-subscriptions'],
      ['DELETE', `/api/v1/me/push-subscriptions/${mine.rowId}`],
      ['GET', '/api/v1/me/notification-settings'],
      ['PUT', '/api/v1/me/notification-settings'],
    ])
      expect([method, url, (await anon.request({ method, url, payload: {} })).statusCode]).toEqual([
        method,
        url,
        401,
      ]);
  });
});
