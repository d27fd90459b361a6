import { createECDH, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { dispatchPending } from './dispatch.ts';
import { enqueueNotification } from './outbox.ts';
import { isRefusedAddress } from './push/send.ts';
import { outbox, pushDeliveries, pushSubscriptions } from './tables.ts';

const keys = () => {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') };
};

// Issue 7, finding 2: Web Push endpoints must not make the server call internal addresses.
describe('push service addresses', () => {
  it('refuses loopback, private, link-local, CGNAT, unique-local, unspecified, multicast and mapped ones', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::',
      '::1',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '64:ff9b::a00:1',
    ])
      expect([a, isRefusedAddress(a)]).toEqual([a, true]);
    for (const a of ['142.250.196.106', '17.253.144.10', '172.32.0.1', '2404:6800:4004::200a'])
      expect([a, isRefusedAddress(a)]).toEqual([a, false]);
    expect(isRefusedAddress('127.0.0.1', true)).toBe(false); // the test-only setting
    expect(isRefusedAddress('::1', true)).toBe(false);
    expect(isRefusedAddress('10.0.0.1', true)).toBe(true);
  });
});

describe.each(engines)('Web Push endpoint rules on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    // localhost on the allowed list, and no test-only loopback setting: as an operator's mistake would be.
    t = await createTestApp(engine, { HAMKKE_PUSH_HOSTS: 'localhost' });
  });
  afterAll(() => t?.close());

  it('accepts only plain DNS names on the allowed list and stores the normalised address', async () => {
    const me = await signedInAs(t, ['resident']);
    for (const endpoint of [
      'https://127.0.0.1;.push.apple.com/x',
      'https://localhost%2e.push.apple.com/x',
      'https://user@web.push.apple.com/x',
      'https://web.push.apple.com:8443/x',
      'https://[::1]/x',
      'https://0x7f000001/x',
      'https://web.push.apple.com./x',
    ]) {
      const res = await me.client.post('/api/v1/me/push-subscriptions', { endpoint, keys: keys() });
      expect([endpoint, res.statusCode]).toEqual([endpoint, 400]);
      expect(res.json().error.details[0]).toMatchObject({
        field: 'body.endpoint',
        code: 'push_service_unknown',
      });
    }
    const ok = await me.client.post('/api/v1/me/push-subscriptions', {
      endpoint: 'https://WEB.Push.Apple.com:443/push/%7Eabc',
      keys: keys(),
    });
    expect(ok.statusCode).toBe(200);
    const stored = await t.database.db
      .select()
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, me.user.id));
    expect(stored.map((s) => s.endpoint)).toEqual(['https://web.push.apple.com/push/%7Eabc']);
  });

  it('resolves the host before sending and refuses an internal address', async () => {
    const me = await signedInAs(t, ['resident']);
    await t.database.db.execute(
      sql`insert into notification_preferences (user_id, kind, in_app, email, push) values (${me.user.id}, 'system.announcement', true, false, true)`,
    );
    await me.client.put('/api/v1/me/consents/notifications', { granted: true });
    await me.client.put('/api/v1/me/notification-settings', {
      quietHours: { enabled: false, start: '22:00', end: '08:00' },
      mobileNumber: null,
      emailDigest: false,
    });
    const sub = await me.client.post('/api/v1/me/push-subscriptions', {
      endpoint: 'https://localhost/push/x',
      keys: keys(),
    });
    expect(sub.statusCode).toBe(200);
    // Stored before the rules were strict: never requested, and forgotten at the next send.
    await t.database.db.insert(pushSubscriptions).values({
      userId: me.user.id,
      endpoint: 'https://127.0.0.1;.push.apple.com/old',
      ...keys(),
    });
    await t.database.db.transaction((tx) =>
      enqueueNotification(tx, {
        organizationId: t.org.id,
        userId: me.user.id,
        kind: 'system.announcement',
        title: { ko: '안내', en: 'Notice' },
        body: { ko: '본문', en: 'Body' },
      }),
    );
    const deps = { db: t.database.db, config: t.config };
    await dispatchPending(deps, { max: 1 }); // the bell row queues the push row
    expect(await dispatchPending(deps)).toMatchObject({ failed: 1 });
    const [pushRow] = await t.database.db
      .select()
      .from(outbox)
      .where(eq(outbox.userId, me.user.id))
      .orderBy(outbox.id)
      .offset(1);
    expect(pushRow).toMatchObject({ type: 'push', attempts: 1, dispatchedAt: null });
    expect(pushRow.lastError).toMatch(/push host localhost resolves to a refused address/);
    expect(
      await t.database.db.select().from(pushDeliveries).where(eq(pushDeliveries.outboxId, pushRow.id)),
    ).toEqual([]);
    const left = await t.database.db
      .select()
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, me.user.id));
    expect(left.map((s) => s.endpoint)).toEqual(['https://localhost/push/x']);
  });
});
