import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { createOtherOrganization } from '../../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import {
  emailDigestItems,
  emailMessages,
  notifications,
  outbox,
  pushDeliveries,
  pushSubscriptions,
  smsMessages,
} from '../../../platform/notify/tables.ts';

const URL = '/api/v1/youth/alerts/stats';
type Counts = { channel: string; sent: number; opened: number | null };
type Stats = { rows: Array<Counts & { kind: string }>; totals: Counts[] };

describe.each(engines)('youth alert statistics on %s', (engine) => {
  let t: TestApp;
  let staff: TestClient;
  let userId: string;

  const outboxRow = async (org: string, kind: string, type: 'notification' | 'email' | 'push' | 'sms') => {
    const [o] = await t.database.db
      .insert(outbox)
      .values({ organizationId: org, userId, type, kind, payload: {}, dispatchedAt: new Date() })
      .returning({ id: outbox.id });
    return o.id;
  };
  const email = async (org: string, outboxId: number, at: string) =>
    t.database.db.insert(emailMessages).values({
      organizationId: org,
      userId,
      outboxId,
      transport: 'dev_mailbox',
      toAddress: 'someone@example.com',
      subject: 's',
      createdAt: new Date(at),
    });

  /** One delivered notification as the dispatcher leaves it. */
  async function delivered(
    org: string,
    kind: string,
    channel: 'in_app' | 'email' | 'sms',
    at: string,
    read = false,
  ) {
    const db = t.database.db;
    const id = await outboxRow(org, kind, channel === 'in_app' ? 'notification' : channel);
    if (channel === 'email') await email(org, id, at);
    else if (channel === 'sms')
      await db.insert(smsMessages).values({
        organizationId: org,
        userId,
        outboxId: id,
        kind,
        provider: 'demo',
        toNumber: '010-1234-5678',
        body: 'b',
        createdAt: new Date(at),
      });
    else
      await db.insert(notifications).values({
        organizationId: org,
        userId,
        outboxId: id,
        kind,
        titleKo: '제목',
        titleEn: 'Title',
        bodyKo: '내용',
        bodyEn: 'Body',
        readAt: read ? new Date(at) : null,
        createdAt: new Date(at),
      });
  }

  /** One alert pushed to each of the subscriptions, opened on those listed. */
  async function pushed(org: string, kind: string, at: string, subscriptions: string[], opened: string[]) {
    const id = await outboxRow(org, kind, 'push');
    for (const sub of subscriptions)
      await t.database.db.insert(pushDeliveries).values({
        outboxId: id,
        subscriptionId: sub,
        userId,
        organizationId: org,
        kind,
        sentAt: new Date(at),
        openedAt: opened.includes(sub) ? new Date(at) : null,
      });
  }

  /** An alert collected for the daily digest; `sentAt` when its digest email went out. */
  async function digested(org: string, kind: string, sentAt: string | null) {
    const source = await outboxRow(org, kind, 'email');
    const digest = sentAt ? await outboxRow(org, 'notify.digest', 'email') : null;
    if (digest && sentAt) await email(org, digest, sentAt);
    await t.database.db.insert(emailDigestItems).values({
      organizationId: org,
      userId,
      sourceOutboxId: source,
      kind,
      subject: 's',
      bodyText: 'b',
      digestOutboxId: digest,
    });
  }

  const stats = async (qs = '') => {
    const res = await staff.get(`${URL}${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Stats;
  };
  const row = (s: Stats, kind: string, channel: string) =>
    s.rows.find((r) => r.kind === kind && r.channel === channel);

  beforeAll(async () => {
    t = await createTestApp(engine);
    const signedIn = await signedInAs(t, ['staff']);
    staff = signedIn.client;
    userId = signedIn.user.id;
    const org = t.org.id;
    // 2026-03-01 00:30 KST is still February in UTC: the day boundary must be Seoul's.
    await delivered(org, 'youth.closing_soon', 'in_app', '2026-02-28T15:30:00Z', true);
    await delivered(org, 'youth.closing_soon', 'in_app', '2026-03-02T03:00:00Z', false);
    await delivered(org, 'youth.closing_soon', 'in_app', '2026-03-05T03:00:00Z', true);
    await delivered(org, 'youth.new_fitting_policy', 'in_app', '2026-03-02T03:00:00Z', false);
    await delivered(org, 'youth.closing_soon', 'email', '2026-03-02T03:00:00Z');
    await delivered(org, 'youth.closing_soon', 'email', '2026-02-28T14:30:00Z'); // 23:30 KST, Feb 28
    const subs = await t.database.db
      .insert(pushSubscriptions)
      .values(
        ['a', 'b'].map((n) => ({ userId, endpoint: `https://push.example/${n}`, p256dh: 'k', auth: 'a' })),
      )
      .returning({ id: pushSubscriptions.id });
    const [phone, laptop] = subs.map((r) => r.id);
    // Pushed to two browsers, opened on one: one alert sent, one opened.
    await pushed(org, 'youth.closing_soon', '2026-03-02T03:00:00Z', [phone, laptop], [laptop]);
    await pushed(org, 'youth.closing_soon', '2026-03-02T04:00:00Z', [phone], []);
    await delivered(org, 'youth.followed_match', 'sms', '2026-03-02T03:00:00Z');
    // In a digest that went out (counted as email), and one still waiting (not yet sent).
    await digested(org, 'youth.followed_match', '2026-03-02T03:00:00Z');
    await digested(org, 'youth.followed_match', null);
    // Not youth alerts, or not this organization's: never counted.
    await delivered(org, 'system.announcement', 'in_app', '2026-03-02T03:00:00Z', true);
    const other = await createOtherOrganization(t);
    await delivered(other.id, 'youth.closing_soon', 'in_app', '2026-03-02T03:00:00Z', true);
  }, 60_000);
  afterAll(() => t?.close());

  it('counts sent and opened per kind and channel, with totals; email opening is not tracked', async () => {
    const s = await stats();
    expect(s.totals.map((c) => c.channel)).toEqual(['in_app', 'email', 'push', 'sms']);
    expect(row(s, 'youth.closing_soon', 'in_app')).toMatchObject({ sent: 3, opened: 2 });
    expect(row(s, 'youth.new_fitting_policy', 'in_app')).toMatchObject({ sent: 1, opened: 0 });
    expect(row(s, 'youth.closing_soon', 'email')).toMatchObject({ sent: 2, opened: null });
    // Every youth alert kind is listed, even with nothing sent.
    expect(row(s, 'youth.application_opening', 'in_app')).toMatchObject({ sent: 0, opened: 0 });
    expect(s.rows.some((r) => !r.kind.startsWith('youth.'))).toBe(false);
    expect(s.totals.find((c) => c.channel === 'in_app')).toMatchObject({ sent: 4, opened: 2 });
    expect(s.totals.find((c) => c.channel === 'email')).toMatchObject({ sent: 3, opened: null });
    expect(row(s, 'youth.followed_match', 'email')).toMatchObject({ sent: 1, opened: null });
    expect(row(s, 'youth.closing_soon', 'push')).toMatchObject({ sent: 2, opened: 1 });
    expect(row(s, 'youth.followed_match', 'sms')).toMatchObject({ sent: 1, opened: null });
    expect(s.totals.find((c) => c.channel === 'push')).toMatchObject({ sent: 2, opened: 1 });
    expect(s.totals.find((c) => c.channel === 'sms')).toMatchObject({ sent: 1, opened: null });
  });

  it('limits to days in Asia/Seoul, both ends included', async () => {
    const march = await stats('?from=2026-03-01&to=2026-03-02');
    expect(row(march, 'youth.closing_soon', 'in_app')).toMatchObject({ sent: 2, opened: 1 });
    expect(row(march, 'youth.closing_soon', 'email')).toMatchObject({ sent: 1 });
    const feb = await stats('?to=2026-02-28');
    expect(row(feb, 'youth.closing_soon', 'in_app')).toMatchObject({ sent: 0 });
    expect(row(feb, 'youth.closing_soon', 'email')).toMatchObject({ sent: 1 });
    const later = await stats('?from=2026-03-03');
    expect(later.totals.find((c) => c.channel === 'in_app')).toMatchObject({ sent: 1, opened: 1 });
  });

  it('rejects a range that ends before it starts, and malformed dates', async () => {
    const res = await staff.get(`${URL}?from=2026-03-05&to=2026-03-01`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'querystring.to', code: 'date_order' });
    expect(res.json().error.details[0].message).toContain('끝 날짜');
    for (const qs of ['?from=2026-13-01', '?to=yesterday', '?channel=email'])
      expect((await staff.get(`${URL}${qs}`)).statusCode, qs).toBe(400);
  });

  it('refuses anonymous people (401), people without a role and residents (403)', async () => {
    expect((await new TestClient(t.app).get(URL)).statusCode).toBe(401);
    for (const roles of [[], ['resident'], ['youth']]) {
      const { client } = await signedInAs(t, roles);
      expect((await client.get(URL)).statusCode, roles.join()).toBe(403);
    }
  });
});
