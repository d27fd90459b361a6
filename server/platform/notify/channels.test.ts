import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { startPushPeer } from '../../../tests/helpers/push-peer.ts';
import { startSmtpServer } from '../../../tests/helpers/smtp-server.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { alertPolicyPublished } from '../../modules/youth/alerts/fanout.ts';
import { queryRows } from '../db/connect.ts';
import { addDays, todayInSeoul } from '../time/index.ts';
import { runDailyDigest } from './digest.ts';
import { deliverOutboxRow, dispatchPending } from './dispatch.ts';
import { enqueueNotification } from './outbox.ts';
import { quietUntil } from './quiet-hours.ts';
import { emailDigestItems, emailMessages, notifications, outbox, smsMessages } from './tables.ts';

/** A moment in Korean time, `days` after today there (so it is never before a row's creation). */
function seoul(days: number, hhmm: string): Date {
  return new Date(`${addDays(todayInSeoul(), days)}T${hhmm}:00+09:00`);
}

describe('quiet hours', () => {
  const night = { enabled: true, start: '22:00', end: '08:00' };
  it('hold until the end, on both sides of midnight, and not outside', () => {
    expect(quietUntil(night, new Date('2026-03-02T23:30:00+09:00'))).toEqual(
      new Date('2026-03-03T08:00:00+09:00'),
    );
    expect(quietUntil(night, new Date('2026-03-03T02:15:30+09:00'))).toEqual(
      new Date('2026-03-03T08:00:00+09:00'),
    );
    expect(quietUntil(night, new Date('2026-03-02T22:00:00+09:00'))).toEqual(
      new Date('2026-03-03T08:00:00+09:00'),
    );
    expect(quietUntil(night, new Date('2026-03-03T08:00:00+09:00'))).toBeNull();
    expect(quietUntil(night, new Date('2026-03-02T21:59:00+09:00'))).toBeNull();
    expect(quietUntil(night, new Date('2026-03-02T12:00:00+09:00'))).toBeNull();
    expect(quietUntil({ ...night, enabled: false }, new Date('2026-03-02T23:30:00+09:00'))).toBeNull();
    const lunch = { enabled: true, start: '12:00', end: '13:30' };
    expect(quietUntil(lunch, new Date('2026-03-02T12:45:00+09:00'))).toEqual(
      new Date('2026-03-02T13:30:00+09:00'),
    );
    expect(quietUntil(lunch, new Date('2026-03-02T23:00:00+09:00'))).toBeNull();
  });
});

describe.each(engines)('push, SMS and email channels on %s', (engine) => {
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

  const deps = (extra: Partial<typeof t.config> = {}) => ({
    db: t.database.db,
    config: { ...t.config, ...extra },
    pushCa: peer.certPem,
  });
  const notify = (userId: string, title: string, kind = 'system.announcement') =>
    t.database.db.transaction((tx) =>
      enqueueNotification(tx, {
        organizationId: t.org.id,
        userId,
        kind,
        title: { ko: title, en: title },
        body: { ko: '본문입니다.', en: 'The body.' },
        link: '/notices/1',
      }),
    );
  const settings = (quiet: boolean, more: { mobileNumber?: string | null; emailDigest?: boolean } = {}) => ({
    quietHours: { enabled: quiet, start: '22:00', end: '08:00' },
    mobileNumber: more.mobileNumber ?? null,
    emailDigest: more.emailDigest ?? false,
  });
  /** Consent given, every channel of the kind on, the settings given. */
  async function person(s: ReturnType<typeof settings>, kind = 'system.announcement') {
    const who = await signedInAs(t, ['resident']);
    expect((await who.client.put('/api/v1/me/consents/notifications', { granted: true })).statusCode).toBe(
      200,
    );
    const prefs = await who.client.put('/api/v1/me/notification-preferences', {
      items: [{ kind, channels: { inApp: true, email: true, push: true, sms: true } }],
    });
    expect(prefs.statusCode).toBe(200);
    const saved = await who.client.put('/api/v1/me/notification-settings', s);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual(s);
    const sub = peer.subscribe();
    expect(
      (await who.client.post('/api/v1/me/push-subscriptions', { endpoint: sub.endpoint, keys: sub.keys }))
        .statusCode,
    ).toBe(200);
    return { ...who, sub };
  }
  const mailsOf = (userId: string) =>
    t.database.db.select().from(emailMessages).where(eq(emailMessages.userId, userId));
  const textsOf = (userId: string) =>
    t.database.db.select().from(smsMessages).where(eq(smsMessages.userId, userId));
  const pushedTo = (subId: string) => peer.received.filter((m) => m.subscription === subId);

  it('validates the settings: Korean mobile number, distinct quiet hour ends', async () => {
    const { client } = await signedInAs(t, ['resident']);
    expect((await client.get('/api/v1/me/notification-settings')).json()).toEqual(settings(true));
    const badPhone = await client.put(
      '/api/v1/me/notification-settings',
      settings(true, { mobileNumber: '01012345678' }),
    );
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.details[0]).toMatchObject({
      field: 'body.mobileNumber',
      code: 'mobile_number',
    });
    expect(badPhone.json().error.details[0].message).toBe(
      '휴대전화 번호는 010-1234-5678 형식으로 입력해 주십시오.',
    );
    const same = await client.put('/api/v1/me/notification-settings', {
      ...settings(true),
      quietHours: { enabled: true, start: '09:00', end: '09:00' },
    });
    expect(same.statusCode).toBe(400);
    const badClock = await client.put('/api/v1/me/notification-settings', {
      ...settings(true),
      quietHours: { enabled: true, start: '24:00', end: '08:00' },
    });
    expect(badClock.statusCode).toBe(400);
    expect((await client.get('/api/v1/me/notification-settings')).json()).toEqual(settings(true));
  });

  it('holds push, SMS and email inside quiet hours until they end; the bell rings at once', async () => {
    const p = await person(settings(true, { mobileNumber: '010-1234-5678' }));
    const id = await notify(p.user.id, '밤 알림');
    const lateEvening = seoul(1, '23:30');
    const morning = seoul(2, '08:00');
    const first = await dispatchPending(deps(), { now: lateEvening });
    expect(first).toMatchObject({ delivered: 1, deferred: 2 }); // push and SMS rows wait; the email copy is made waiting
    expect(
      await t.database.db.select().from(notifications).where(eq(notifications.outboxId, id)),
    ).toHaveLength(1);
    const waiting = await t.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.userId, p.user.id), sql`${outbox.dispatchedAt} is null`));
    expect(waiting.map((r) => r.type).sort()).toEqual(['email', 'push', 'sms']);
    for (const r of waiting) expect(r.nextAttemptAt).toEqual(morning);
    expect(await dispatchPending(deps(), { now: new Date(morning.getTime() - 60_000) })).toMatchObject({
      delivered: 0,
    });
    expect(await mailsOf(p.user.id)).toHaveLength(0);
    expect(pushedTo(p.sub.id)).toHaveLength(0);

    expect(await dispatchPending(deps(), { now: morning })).toMatchObject({ delivered: 3, deferred: 0 });
    expect(await mailsOf(p.user.id)).toHaveLength(1);
    expect(await textsOf(p.user.id)).toHaveLength(1);
    expect(pushedTo(p.sub.id).map((m) => m.payload.title)).toEqual(['밤 알림']);

    // After midnight: held until 08:00 the same day.
    await notify(p.user.id, '새벽 알림');
    const small = seoul(3, '02:10');
    await dispatchPending(deps(), { now: small });
    const held = await t.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.userId, p.user.id), sql`${outbox.dispatchedAt} is null`));
    expect(held).toHaveLength(3);
    for (const r of held) expect(r.nextAttemptAt).toEqual(seoul(3, '08:00'));
    expect(await dispatchPending(deps(), { now: seoul(3, '08:00') })).toMatchObject({ delivered: 3 });
    expect(pushedTo(p.sub.id)).toHaveLength(2);
  });

  it('sends SMS to the mobile number once, shows admins, and exports and erases the number', async () => {
    const p = await person(settings(false, { mobileNumber: '010-2222-3333' }));
    await notify(p.user.id, '문자 알림');
    expect(await dispatchPending(deps())).toMatchObject({ failed: 0 });
    const [text] = await textsOf(p.user.id);
    expect(text).toMatchObject({
      toNumber: '010-2222-3333',
      provider: 'record',
      kind: 'system.announcement',
    });
    expect(text.body).toMatch(
      /^\[함께\] 문자 알림\nhttp:\/\/localhost:\d+\/notices\/1\n수신거부: http:\/\/localhost:\d+\/unsubscribe\?token=\S+$/,
    );
    const [smsRow] = await t.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.userId, p.user.id), eq(outbox.type, 'sms')));
    await t.database.db.transaction((tx) =>
      deliverOutboxRow(
        tx,
        { ...smsRow, payload: { title: { ko: 'x', en: 'x' }, link: null, kind: 'system.announcement' } },
        deps(),
      ),
    );
    expect(await textsOf(p.user.id)).toHaveLength(1);

    const admin = await signedInAs(t, ['admin']);
    const list = await admin.client.get('/api/v1/admin/sms-messages');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toContainEqual(
      expect.objectContaining({ to: '010-2222-3333', body: text.body }),
    );
    expect((await (await signedInAs(t, ['staff'])).client.get('/api/v1/admin/sms-messages')).statusCode).toBe(
      403,
    );
    expect((await new TestClient(t.app).get('/api/v1/admin/sms-messages')).statusCode).toBe(401);

    const exported = (await p.client.get('/api/v1/me/export')).json().sections;
    expect(exported.notificationSettings).toEqual([
      expect.objectContaining({ mobileNumber: '010-2222-3333' }),
    ]);
    expect(exported.textMessagesSent).toEqual([expect.objectContaining({ to: '010-2222-3333' })]);
    expect(exported.pushDevices).toHaveLength(1);
    expect((await p.client.post('/api/v1/me/delete', { password: p.password })).statusCode).toBe(200);
    const [left] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select ((select count(*) from sms_messages where user_id = ${p.user.id}) + (select count(*) from notification_settings where user_id = ${p.user.id})
        + (select count(*) from push_subscriptions where user_id = ${p.user.id}) + (select count(*) from push_deliveries where user_id = ${p.user.id}))::int as n`,
    );
    expect(left.n).toBe(0);
  });

  it('unsubscribes one kind in one click (POST only), with List-Unsubscribe headers on SMTP mail', async () => {
    const smtp = await startSmtpServer();
    try {
      const p = await person(settings(false));
      await notify(p.user.id, '수신 거부 시험');
      await dispatchPending(deps({ SMTP_URL: smtp.url }));
      const mail = smtp.received.find((m) => m.to.includes(`<${p.email}>`));
      const data = (mail?.data ?? '').replace(/\r\n[ \t]+/g, ' ');
      expect(data).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
      const header = data.match(
        /^List-Unsubscribe: <(http:\/\/localhost:\d+)(\/api\/v1\/unsubscribe\?token=[^>]+)>$/m,
      );
      expect(header).not.toBeNull();
      const oneClick = (header as RegExpMatchArray)[2];
      const prefsNow = async () =>
        (await p.client.get('/api/v1/me/notification-preferences'))
          .json()
          .items.find((i: { kind: string }) => i.kind === 'system.announcement').channels;

      const anon = new TestClient(t.app);
      const look = await anon.get(oneClick);
      expect(look.statusCode).toBe(200);
      expect(look.json()).toEqual({ kind: 'system.announcement', label: '서비스 안내' });
      expect(await prefsNow()).toEqual({ inApp: true, email: true, push: true, sms: true }); // a GET changes nothing

      const tampered = await anon.post(
        oneClick.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
        {},
      );
      expect(tampered.statusCode).toBe(400);
      expect(tampered.json().error.code).toBe('unsubscribe_invalid');
      expect(await prefsNow()).toEqual({ inApp: true, email: true, push: true, sms: true });

      const res = await anon.request({
        method: 'POST',
        url: oneClick,
        payload: 'List-Unsubscribe=One-Click',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(res.statusCode).toBe(200);
      expect(await prefsNow()).toEqual({ inApp: true, email: false, push: false, sms: false });

      // The page's button posts the token from the email's link as JSON; repeating is harmless.
      const token = new URL(`http://x${oneClick}`).searchParams.get('token');
      const again = await anon.post('/api/v1/unsubscribe', { token });
      expect(again.statusCode).toBe(200);
      expect(again.json().label).toBe('서비스 안내');
    } finally {
      await smtp.close();
    }
  });

  it('collects alert emails of digest people and sends one digest a day, once', async () => {
    const p = await person(settings(true, { emailDigest: true }));
    await notify(p.user.id, '첫째 알림');
    await notify(p.user.id, '둘째 알림');
    // A notice about the person's own request is not an alert: it is not kept for the digest.
    await p.client.put('/api/v1/me/notification-preferences', {
      items: [{ kind: 'youth.question_answered', channels: { inApp: true, email: true } }],
    });
    await notify(p.user.id, '답변 안내', 'youth.question_answered');
    await dispatchPending(deps(), { now: seoul(1, '12:00') });
    expect((await mailsOf(p.user.id)).map((m) => m.subject)).toEqual(['답변 안내']);
    const items = await t.database.db
      .select()
      .from(emailDigestItems)
      .where(eq(emailDigestItems.userId, p.user.id));
    expect(items.map((i) => i.subject).sort()).toEqual(['둘째 알림', '첫째 알림']);

    const runs = await Promise.all([
      runDailyDigest(t.database.db, { config: t.config }),
      runDailyDigest(t.database.db, { config: t.config }),
    ]);
    expect(runs.reduce((n, r) => n + r.items, 0)).toBeGreaterThanOrEqual(2);
    await dispatchPending(deps());
    expect(await runDailyDigest(t.database.db, { config: t.config })).toEqual({ digests: 0, items: 0 });
    await dispatchPending(deps());
    const mails = (await mailsOf(p.user.id)).filter((m) => m.subject !== '답변 안내');
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('[함께] 오늘의 알림 모음 2건');
    expect(mails[0].bodyText).toContain('■ 첫째 알림');
    expect(mails[0].bodyText).toContain('■ 둘째 알림');
    expect(mails[0].bodyText).toMatch(/서비스 안내: http:\/\/localhost:\d+\/unsubscribe\?token=/);
  });

  it('fans youth alerts out to push and SMS rows set-based, for those who chose them', async () => {
    const kind = 'youth.followed_match';
    const p = await person(settings(false, { mobileNumber: '010-4444-5555' }), kind);
    const plain = await signedInAs(t, ['resident']);
    const [policy] = await queryRows<{ id: string }>(
      t.database.db,
      sql`insert into youth_policies (organization_id, source, status, title, min_age, max_age, fields)
          values (${t.org.id}, 'local', 'published', '청년 월세 지원', 19, 39, array['housing']) returning id`,
    );
    for (const u of [p.user.id, plain.user.id])
      await t.database.db.execute(
        sql`insert into youth_follows (organization_id, user_id, target_kind, target) values (${t.org.id}, ${u}, 'field', 'housing')`,
      );
    const result = await t.database.db.transaction((tx) =>
      alertPolicyPublished(tx, { config: t.config }, t.org.id, policy.id),
    );
    expect(result).toMatchObject({ alerts: 2, inApp: 2, emails: 1, pushes: 1, texts: 1 });
    // Alert copies wait a few seconds for more of their group (youth's ALERT_GATHER_SECONDS).
    expect(await dispatchPending(deps())).toMatchObject({ delivered: 0 });
    await dispatchPending(deps(), { now: new Date(Date.now() + 60_000) });
    expect(pushedTo(p.sub.id).map((m) => m.payload)).toEqual([
      expect.objectContaining({
        title: '관심 주제의 새 청년 정책이 있습니다',
        body: '청년 월세 지원',
        kind,
        link: `/youth/policies/${policy.id}`,
      }),
    ]);
    const [text] = await textsOf(p.user.id);
    expect(text.body).toContain('[함께] 관심 주제의 새 청년 정책이 있습니다');
    const [mail] = await mailsOf(p.user.id);
    expect(mail.bodyText).toMatch(/수신 거부: http:\/\/localhost:\d+\/unsubscribe\?token=/);
    expect(await textsOf(plain.user.id)).toHaveLength(0);
  });
});
