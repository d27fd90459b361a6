import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { dispatchNow } from '../../../tests/helpers/mail.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { personalDataAccessLog } from '../privacy/access-log-tables.ts';
import { queueEmail } from './outbox.ts';
import { smsMessages } from './tables.ts';

// Issue 7, finding 8: admins' reads of the dev mailbox and of sent text messages show other
// people's addresses, numbers and messages: one access-log record per person shown.
describe.each(engines)('reads of kept mail and text messages are logged on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  const logOf = (actorUserId: string) =>
    t.database.db
      .select()
      .from(personalDataAccessLog)
      .where(and(eq(personalDataAccessLog.actorUserId, actorUserId)))
      .orderBy(personalDataAccessLog.id);

  it('logs the dev mailbox list and one message, per person shown', async () => {
    const person = await signedInAs(t, ['resident']);
    await t.database.db.transaction((tx) =>
      queueEmail(tx, {
        organizationId: t.org.id,
        userId: person.user.id,
        to: person.email,
        locale: 'ko',
        subject: '기록 시험',
        text: '내용입니다.',
      }),
    );
    await dispatchNow(t);
    const admin = await signedInAs(t, ['admin']);
    const list = await admin.client.get('/api/v1/admin/dev-mailbox');
    expect(list.statusCode).toBe(200);
    const mail = list.json().items.find((m: { to: string }) => m.to === person.email);
    expect(mail).toBeDefined();
    expect((await admin.client.get(`/api/v1/admin/dev-mailbox/${mail.id}`)).statusCode).toBe(200);
    const rows = (await logOf(admin.user.id)).filter((r) => r.subjectUserId === person.user.id);
    expect(rows.map((r) => [r.reason, r.route, r.fields])).toEqual([
      ['notify.devMailbox.list', 'GET /api/v1/admin/dev-mailbox', ['email', 'emailText']],
      ['notify.devMailbox.read', 'GET /api/v1/admin/dev-mailbox/:id', ['email', 'emailText']],
    ]);
    expect(rows.every((r) => r.organizationId === t.org.id)).toBe(true);
  });

  it('logs the text messages list, per person shown', async () => {
    const person = await signedInAs(t, ['resident']);
    await t.database.db.insert(smsMessages).values({
      outboxId: 9_000_000 + Math.floor(Math.random() * 1_000_000),
      organizationId: t.org.id,
      userId: person.user.id,
      kind: 'system.announcement',
      provider: 'record',
      toNumber: '010-1234-5678',
      body: '[함께] 안내',
    });
    const admin = await signedInAs(t, ['admin']);
    const list = await admin.client.get('/api/v1/admin/sms-messages');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toContainEqual(expect.objectContaining({ to: '010-1234-5678' }));
    const rows = (await logOf(admin.user.id)).filter((r) => r.subjectUserId === person.user.id);
    expect(rows.map((r) => [r.reason, r.route, r.fields])).toEqual([
      ['notify.smsOutbox.list', 'GET /api/v1/admin/sms-messages', ['mobileNumber', 'smsText']],
    ]);
  });
});
