import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { startSmtpServer } from '../../../tests/helpers/smtp-server.ts';
import { createOtherOrganization } from '../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { queryRows } from '../db/connect.ts';
import { consentRecords } from '../privacy/tables.ts';
import { deliverOutboxRow, dispatchPending } from './dispatch.ts';
import { DISPATCH_JOB, enqueueNotification, queueEmail } from './outbox.ts';
import { emailMessages, notificationSettings, notifications, outbox } from './tables.ts';

describe.each(engines)('notifications on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  const deps = () => ({ db: t.database.db, config: t.config });
  const notify = (userId: string, n = 1) =>
    t.database.db.transaction((tx) =>
      enqueueNotification(tx, {
        organizationId: t.org.id,
        userId,
        kind: 'system.announcement',
        title: { ko: `알림 ${n}`, en: `Notice ${n}` },
        body: { ko: '본문입니다.', en: 'The body.' },
        link: `/notices/${n}`,
      }),
    );
  const countWhere = async (table: typeof notifications | typeof emailMessages, outboxId: number) =>
    (await t.database.db.select().from(table).where(eq(table.outboxId, outboxId))).length;
  const quietHoursOff = (userId: string) =>
    t.database.db.insert(notificationSettings).values({ userId, quietHoursEnabled: false });
  const grantNotificationsConsent = (userId: string) =>
    t.database.db
      .insert(consentRecords)
      .values({ userId, purpose: 'notifications', required: false, noticeVersion: 'test', granted: true });

  it('delivers to the bell only after commit, in the asked language', async () => {
    const { client, user } = await signedInAs(t, ['resident']);
    await expect(
      t.database.db.transaction(async (tx) => {
        await enqueueNotification(tx, {
          organizationId: t.org.id,
          userId: user.id,
          kind: 'system.announcement',
          title: { ko: '취소', en: 'x' },
          body: { ko: 'x', en: 'x' },
        });
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    await notify(user.id);
    expect((await client.get('/api/v1/notifications')).json()).toMatchObject({ items: [], unread: 0 });
    expect(await dispatchPending(deps())).toMatchObject({ delivered: 1, failed: 0 });
    const list = await client.get('/api/v1/notifications');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      items: [
        {
          kind: 'system.announcement',
          title: '알림 1',
          body: '본문입니다.',
          link: '/notices/1',
          readAt: null,
        },
      ],
      nextCursor: null,
      unread: 1,
    });
    const english = new TestClient(t.app, 'en');
    english.cookies = client.cookies;
    await t.database.db.execute(sql`update users set locale = 'en' where id = ${user.id}`);
    expect((await english.get('/api/v1/notifications')).json().items[0].title).toBe('Notice 1');
    expect((await client.get('/api/v1/notifications/unread-count')).json()).toEqual({ count: 1 });
  });

  it('pages newest first with a cursor and refuses a bad one', async () => {
    const { client, user } = await signedInAs(t, ['resident']);
    for (const n of [1, 2, 3]) await notify(user.id, n);
    await dispatchPending(deps());
    const first = (await client.get('/api/v1/notifications?limit=2')).json();
    expect(first.items.map((i: { title: string }) => i.title)).toEqual(['알림 3', '알림 2']);
    expect(first.unread).toBe(3);
    const second = (await client.get(`/api/v1/notifications?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((i: { title: string }) => i.title)).toEqual(['알림 1']);
    expect(second.nextCursor).toBeNull();
    const bad = await client.get('/api/v1/notifications?cursor=not-a-cursor');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({
      field: 'querystring.cursor',
      code: 'invalid_cursor',
    });
    const badLimit = await client.get('/api/v1/notifications?limit=0');
    expect(badLimit.statusCode).toBe(400);
    expect(badLimit.json().error.details[0]).toMatchObject({ field: 'querystring.limit' });
  });

  it("marks one or all read, and never someone else's", async () => {
    const me = await signedInAs(t, ['resident']);
    const other = await signedInAs(t, ['resident']);
    await notify(me.user.id, 1);
    await notify(me.user.id, 2);
    await notify(other.user.id, 9);
    await dispatchPending(deps());
    const [theirs] = (await other.client.get('/api/v1/notifications')).json().items;
    const notMine = await me.client.post(`/api/v1/notifications/${theirs.id}/read`);
    expect(notMine.statusCode).toBe(404);
    expect((await other.client.get('/api/v1/notifications/unread-count')).json().count).toBe(1);
    const badId = await me.client.post('/api/v1/notifications/not-a-uuid/read');
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.details[0].field).toBe('params.id');
    const [newest] = (await me.client.get('/api/v1/notifications')).json().items;
    expect((await me.client.post(`/api/v1/notifications/${newest.id}/read`)).json()).toEqual({ ok: true });
    const after = (await me.client.get('/api/v1/notifications')).json();
    expect(after.unread).toBe(1);
    expect(after.items[0].readAt).toEqual(expect.any(String));
    expect((await me.client.post('/api/v1/notifications/read-all')).statusCode).toBe(200);
    expect((await me.client.get('/api/v1/notifications/unread-count')).json().count).toBe(0);
    expect((await other.client.get('/api/v1/notifications/unread-count')).json().count).toBe(1);
  });

  it('asks for a session on every route', async () => {
    const c = new TestClient(t.app);
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [
      ['GET', '/api/v1/notifications'],
      ['GET', '/api/v1/notifications/unread-count'],
      ['POST', `/api/v1/notifications/${id}/read`],
      ['POST', '/api/v1/notifications/read-all'],
      ['GET', '/api/v1/me/notification-preferences'],
      ['PUT', '/api/v1/me/notification-preferences'],
      ['GET', '/api/v1/admin/dev-mailbox'],
      ['GET', `/api/v1/admin/dev-mailbox/${id}`],
    ]) {
      const res = await c.request({ method, url, payload: method === 'PUT' ? { items: [] } : undefined });
      expect([method, url, res.statusCode]).toEqual([method, url, 401]);
    }
  });

  it('keeps channel preferences and delivers by them', async () => {
    const { client, user, email } = await signedInAs(t, ['resident'], { lang: 'en' });
    await quietHoursOff(user.id); // this test is about channels; quiet hours have their own
    await t.database.db.execute(sql`update users set locale = 'en' where id = ${user.id}`); // their setting picks the language
    const initial = await client.get('/api/v1/me/notification-preferences');
    expect(initial.json().items).toContainEqual({
      kind: 'system.announcement',
      label: 'Service announcements',
      channels: { inApp: true, email: false, push: false, sms: false },
    });
    const unknown = await client.put('/api/v1/me/notification-preferences', {
      items: [{ kind: 'no.such_kind', channels: { inApp: true, email: true } }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0]).toMatchObject({
      field: 'body.items.0.kind',
      code: 'unknown_kind',
    });
    const partial = await client.put('/api/v1/me/notification-preferences', {
      items: [{ kind: 'system.announcement', channels: { inApp: true } }],
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.details[0]).toMatchObject({
      field: 'body.items.0.channels.email',
      code: 'required',
    });
    const saved = await client.put('/api/v1/me/notification-preferences', {
      items: [{ kind: 'system.announcement', channels: { inApp: false, email: true } }],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().items).toContainEqual({
      kind: 'system.announcement',
      label: 'Service announcements',
      channels: { inApp: false, email: true, push: false, sms: false },
    });

    // Email chosen, but without the optional notifications consent: nothing goes out.
    const first = await notify(user.id, 1);
    await dispatchPending(deps());
    expect(await countWhere(notifications, first)).toBe(0);
    expect(await countWhere(emailMessages, first)).toBe(0);

    await grantNotificationsConsent(user.id);
    const second = await notify(user.id, 2);
    await dispatchPending(deps());
    expect(await countWhere(notifications, second)).toBe(0);
    const [mail] = await t.database.db.select().from(emailMessages).where(eq(emailMessages.outboxId, second));
    expect(mail).toMatchObject({ toAddress: email, subject: 'Notice 2', transport: 'dev_mailbox' });
    expect(mail.bodyText).toMatch(
      /^The body\.\n\nhttp:\/\/localhost:\d+\/notices\/2\n\n--\nStop these emails \(Service announcements\): http:\/\/localhost:\d+\/unsubscribe\?token=\S+$/,
    );
    expect((await t.database.db.select().from(outbox).where(eq(outbox.id, second)))[0].payload).toEqual({}); // no copy left behind
  });

  it('never delivers one outbox row twice, however often dispatch runs', async () => {
    const { user } = await signedInAs(t, ['resident']);
    await grantNotificationsConsent(user.id);
    await quietHoursOff(user.id);
    await t.database.db.execute(
      sql`insert into notification_preferences (user_id, kind, in_app, email) values (${user.id}, 'system.announcement', true, true)`,
    );
    const id = await notify(user.id, 1);
    const [row] = await t.database.db.select().from(outbox).where(eq(outbox.id, id));
    const runs = await Promise.all([
      dispatchPending(deps()),
      dispatchPending(deps()),
      dispatchPending(deps()),
    ]);
    expect(runs.reduce((n, r) => n + r.delivered, 0)).toBeGreaterThanOrEqual(1);
    // A retry after a crash between delivery and marking: the same row delivered again.
    await t.database.db.transaction((tx) => deliverOutboxRow(tx, row, deps()));
    expect(await countWhere(notifications, id)).toBe(1);
    expect(await countWhere(emailMessages, id)).toBe(1);
    // The unique key itself refuses a second copy.
    await expect(
      t.database.db.execute(
        sql`insert into notifications (organization_id, user_id, outbox_id, kind, title_ko, title_en, body_ko, body_en) values (${t.org.id}, ${user.id}, ${id}, 'system.announcement', 'a', 'a', 'a', 'a')`,
      ),
    ).rejects.toMatchObject({ cause: { code: '23505' } });
  });

  it('refuses an unknown kind or a link off the site when enqueuing', async () => {
    const { user } = await signedInAs(t, ['resident']);
    const base = {
      organizationId: t.org.id,
      userId: user.id,
      title: { ko: 'a', en: 'a' },
      body: { ko: 'a', en: 'a' },
    };
    await expect(
      t.database.db.transaction((tx) => enqueueNotification(tx, { ...base, kind: 'nope.kind' })),
    ).rejects.toThrow(/Unknown notification kind/);
    await expect(
      t.database.db.transaction((tx) =>
        enqueueNotification(tx, { ...base, kind: 'system.announcement', link: 'https://evil.example/' }),
      ),
    ).rejects.toThrow(/path inside the site/);
    const [{ count }] = await queryRows<{ count: number }>(
      t.database.db,
      sql`select count(*)::int as count from outbox where user_id = ${user.id}`,
    );
    expect(count).toBe(0);
  });

  it('delivers through a real pg-boss worker right after commit', async () => {
    const { user } = await signedInAs(t, ['resident']);
    await t.jobs.work(DISPATCH_JOB);
    const id = await t.database.db.transaction((tx) =>
      enqueueNotification(
        tx,
        {
          organizationId: t.org.id,
          userId: user.id,
          kind: 'system.announcement',
          title: { ko: '작업', en: 'Job' },
          body: { ko: '작업', en: 'Job' },
        },
        t.jobs,
      ),
    );
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && (await countWhere(notifications, id)) === 0)
      await new Promise((r) => setTimeout(r, 200));
    expect(await countWhere(notifications, id)).toBe(1);
    // The bell entry commits first; the row is marked dispatched in the dispatcher's next transaction.
    const dispatchedAt = async () =>
      (
        await t.database.db
          .select()
          .from(outbox)
          .where(and(eq(outbox.id, id)))
      )[0].dispatchedAt;
    await expect.poll(dispatchedAt, { timeout: 20_000, interval: 200 }).toBeInstanceOf(Date);
  });
});

describe.each(engines)('the dev mailbox and SMTP on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  const mail = (organizationId: string, to: string, subject: string) =>
    t.database.db.transaction((tx) =>
      queueEmail(tx, { organizationId, to, locale: 'ko', subject, text: '내용입니다.' }),
    );

  it('shows admins the emails kept for their organization only', async () => {
    const other = await createOtherOrganization(t);
    const ours = await mail(t.org.id, 'someone@example.com', '우리 기관 메일');
    await mail(other.id, 'elsewhere@example.com', '다른 기관 메일');
    await dispatchPending({ db: t.database.db, config: t.config });
    const [ourMail] = await t.database.db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.outboxId, ours));
    const [theirMail] = await t.database.db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.organizationId, other.id));

    const staff = await signedInAs(t, ['staff']);
    expect((await staff.client.get('/api/v1/admin/dev-mailbox')).statusCode).toBe(403);
    expect((await staff.client.get(`/api/v1/admin/dev-mailbox/${ourMail.id}`)).statusCode).toBe(403);
    const admin = await signedInAs(t, ['admin']);
    const list = await admin.client.get('/api/v1/admin/dev-mailbox');
    expect(list.statusCode).toBe(200);
    expect(list.json().smtpConfigured).toBe(false);
    expect(list.json().items).toContainEqual({
      id: ourMail.id,
      to: 'someone@example.com',
      subject: '우리 기관 메일',
      text: '내용입니다.',
      createdAt: expect.any(String),
    });
    expect(list.json().items.map((i: { subject: string }) => i.subject)).not.toContain('다른 기관 메일');
    expect((await admin.client.get(`/api/v1/admin/dev-mailbox/${ourMail.id}`)).json()).toMatchObject({
      subject: '우리 기관 메일',
    });
    expect((await admin.client.get(`/api/v1/admin/dev-mailbox/${theirMail.id}`)).statusCode).toBe(404);
    const bad = await admin.client.get('/api/v1/admin/dev-mailbox/abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('params.id');
  });

  it('sends through SMTP when configured, keeps no text, and retries a refused send', async () => {
    const smtp = await startSmtpServer();
    try {
      const config = { ...t.config, SMTP_URL: smtp.url, SMTP_FROM: 'Hamkke <no-reply@example.org>' };
      smtp.state.failNext = 1;
      const id = await mail(t.org.id, 'smtp-person@example.com', 'SMTP subject');
      const first = await dispatchPending({ db: t.database.db, config });
      expect(first).toMatchObject({ delivered: 0, failed: 1 });
      const [failed] = await t.database.db.select().from(outbox).where(eq(outbox.id, id));
      expect(failed).toMatchObject({ attempts: 1, dispatchedAt: null });
      expect(failed.lastError).toMatch(/451/);
      expect(
        await t.database.db.select().from(emailMessages).where(eq(emailMessages.outboxId, id)),
      ).toHaveLength(0);
      await t.database.db
        .update(outbox)
        .set({ nextAttemptAt: new Date(Date.now() - 1000) })
        .where(eq(outbox.id, id));
      expect(await dispatchPending({ db: t.database.db, config })).toMatchObject({ delivered: 1, failed: 0 });
      expect(await dispatchPending({ db: t.database.db, config })).toMatchObject({ delivered: 0 });
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0].to).toEqual(['<smtp-person@example.com>']);
      expect(smtp.received[0].data).toMatch(/Subject: SMTP subject/);
      const [sent] = await t.database.db.select().from(emailMessages).where(eq(emailMessages.outboxId, id));
      expect(sent).toMatchObject({ transport: 'smtp', bodyText: null, toAddress: 'smtp-person@example.com' });
    } finally {
      await smtp.close();
    }
  });
});
