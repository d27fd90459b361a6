import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { dispatchNow } from '../../../tests/helpers/mail.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { queryRows } from '../db/connect.ts';
import { enqueueNotification } from './outbox.ts';

// The account and notification tables in "download my data" and in account deletion.
describe.each(engines)('notifications and account data in export and deletion on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  const rowsFor = async (userId: string) =>
    (
      await queryRows<{ n: number }>(
        t.database.db,
        sql`select ((select count(*) from notifications where user_id = ${userId}) + (select count(*) from notification_preferences where user_id = ${userId})
          + (select count(*) from email_messages where user_id = ${userId}) + (select count(*) from auth_tokens where user_id = ${userId})
          + (select count(*) from outbox where user_id = ${userId}))::int as n`,
      )
    )[0].n;

  it('exports them and erases them with the account', async () => {
    const { client, user, email, password } = await signedInAs(t, ['resident']);
    await t.database.db.transaction((tx) =>
      enqueueNotification(tx, {
        organizationId: t.org.id,
        userId: user.id,
        kind: 'system.announcement',
        title: { ko: '제목', en: 'Title' },
        body: { ko: '본문', en: 'Body' },
      }),
    );
    await client.put('/api/v1/me/notification-preferences', {
      items: [{ kind: 'system.announcement', channels: { inApp: true, email: false } }],
    });
    await new TestClient(t.app).post('/api/v1/auth/password-reset', { email });
    await new TestClient(t.app).post('/api/v1/auth/login', { email, password: 'wrong-password' });
    await dispatchNow(t);

    const s = (await client.get('/api/v1/me/export')).json().sections;
    expect(s.notifications).toEqual([
      expect.objectContaining({ kind: 'system.announcement', titleKo: '제목' }),
    ]);
    expect(s.notificationPreferences).toEqual([
      expect.objectContaining({ kind: 'system.announcement', inApp: true, email: false }),
    ]);
    expect(s.emailsSent).toEqual([
      expect.objectContaining({ to: email, subject: '[함께] 비밀번호 재설정 안내' }),
    ]);
    expect(s.accountLinks).toEqual([expect.objectContaining({ purpose: 'reset_password', usedAt: null })]);
    expect(s.failedSignIns).toHaveLength(1);
    expect(JSON.stringify(s)).not.toMatch(/token_hash|tokenHash|reset-password\?token/);

    expect(await rowsFor(user.id)).toBeGreaterThan(0);
    const res = await client.post('/api/v1/me/delete', { password });
    expect(res.statusCode).toBe(200);
    expect(await rowsFor(user.id)).toBe(0);
    const [{ n }] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from login_failures where email_normalized = ${email}`,
    );
    expect(n).toBe(0);
  });
});
