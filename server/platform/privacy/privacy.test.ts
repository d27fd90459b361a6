import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { memberships, sessions, users } from '../auth/tables.ts';
import { queryRows } from '../db/connect.ts';
import { recordSignupConsents } from './consents.ts';
import { registerAccountEraser } from './erase.ts';
import { consentRecords } from './tables.ts';

// A stand-in for a module's public contributions, to prove erasers run inside the deletion.
const erased: string[] = [];
registerAccountEraser('test-contributions', async (tx, userId) => {
  const [u] = await queryRows<{ deleted_at: unknown }>(
    tx,
    sql`select deleted_at from users where id = ${userId}`,
  );
  if (u.deleted_at === null) erased.push(userId); // runs before the account row is anonymised
});

describe.each(engines)('privacy on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  it('GET /api/v1/privacy/notices is public and in the asked language', async () => {
    const ko = await new TestClient(t.app, 'ko').get('/api/v1/privacy/notices');
    expect(ko.statusCode).toBe(200);
    expect(ko.json().items[0]).toMatchObject({
      purpose: 'account',
      required: true,
      title: '회원 가입과 계정 관리(필수)',
    });
    const en = await new TestClient(t.app, 'en').get('/api/v1/privacy/notices');
    expect(en.json().items.map((i: { title: string }) => i.title)).toContain(
      'Personalised notifications (optional)',
    );
  });

  describe('my consents', () => {
    it('lists, withdraws and grants optional purposes, each change a new record', async () => {
      const { client, user } = await signedInAs(t, ['resident']);
      await recordSignupConsents(t.database.db, user.id, { account: true, notifications: true });
      const list = await client.get('/api/v1/me/consents');
      expect(list.statusCode).toBe(200);
      const byPurpose = Object.fromEntries(
        list.json().items.map((i: { purpose: string; granted: boolean }) => [i.purpose, i.granted]),
      );
      expect(byPurpose).toEqual({ account: true, notifications: true, youth_profile: false });

      const withdrawn = await client.put('/api/v1/me/consents/notifications', { granted: false });
      expect(withdrawn.statusCode).toBe(200);
      expect(
        withdrawn.json().items.find((i: { purpose: string }) => i.purpose === 'notifications'),
      ).toMatchObject({ granted: false, recordedAt: expect.any(String) });
      await client.put('/api/v1/me/consents/youth_profile', { granted: true });
      const rows = await t.database.db
        .select()
        .from(consentRecords)
        .where(eq(consentRecords.userId, user.id));
      expect(rows.map((r) => `${r.purpose}:${r.granted}`).sort()).toEqual([
        'account:true',
        'notifications:false',
        'notifications:true',
        'youth_profile:true',
      ]);
    });

    it('409 when withdrawing a required purpose, 404 for an unknown one, 400 for bad input, 401 anonymous', async () => {
      const { client } = await signedInAs(t, ['resident']);
      const required = await client.put('/api/v1/me/consents/account', { granted: false });
      expect(required.statusCode).toBe(409);
      expect(required.json().error).toMatchObject({
        code: 'consent_required_cannot_withdraw',
        message: expect.stringContaining('철회할 수 없습니다'),
      });
      expect((await client.put('/api/v1/me/consents/marketing', { granted: true })).statusCode).toBe(404);
      const bad = await client.put('/api/v1/me/consents/notifications', { granted: 'yes' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].field).toBe('body.granted');
      expect((await new TestClient(t.app).get('/api/v1/me/consents')).statusCode).toBe(401);
      expect(
        (await new TestClient(t.app).put('/api/v1/me/consents/notifications', { granted: true })).statusCode,
      ).toBe(401);
    });
  });

  describe('download my data', () => {
    it('is a JSON attachment with account, memberships, consents, sessions, audit entries made, and who viewed my data', async () => {
      const person = await signedInAs(t, ['resident']);
      await recordSignupConsents(t.database.db, person.user.id, { account: true });
      await t.database.db
        .update(users)
        .set({ totpSecret: 'SECRET-TOTP-VALUE' })
        .where(eq(users.id, person.user.id));
      const admin = await signedInAs(t, ['admin']);
      await admin.client.get(
        `/api/v1/admin/users/${person.user.id}?reason=${encodeURIComponent('문의 응대')}`,
      );
      await admin.client.post(`/api/v1/admin/users/${person.user.id}/roles`, { role: 'youth' });

      const res = await person.client.get('/api/v1/me/export');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="hamkke-my-data-\d{4}-\d{2}-\d{2}\.json"$/,
      );
      expect(res.headers['content-type']).toMatch(/application\/json/);
      const data = res.json();
      expect(data).toMatchObject({ format: 'hamkke-personal-data/1', userId: person.user.id });
      const s = data.sections;
      expect(s.account).toMatchObject({ id: person.user.id, email: person.email, twoFactorEnabled: false });
      expect(s.memberships.map((m: { role: string }) => m.role).sort()).toEqual(['resident', 'youth']);
      expect(s.consents).toEqual([expect.objectContaining({ purpose: 'account', granted: true })]);
      expect(s.sessions[0]).toMatchObject({ ip: '127.0.0.1', userAgent: expect.any(String) });
      expect(s.personalDataAccessAboutMe).toEqual([
        expect.objectContaining({ viewedBy: admin.user.displayName, reason: '문의 응대' }),
      ]);
      expect(s.auditEntriesMade).toEqual([]);
      expect(res.body).not.toContain('SECRET-TOTP-VALUE');
      expect(res.body).not.toContain('argon2');

      const adminExport = (await admin.client.get('/api/v1/me/export')).json();
      expect(adminExport.sections.auditEntriesMade).toEqual([
        expect.objectContaining({ action: 'role.grant', targetId: person.user.id }),
      ]);
      expect(adminExport.sections.personalDataAccessAboutMe).toEqual([]);
    });

    it('401 anonymous', async () => {
      expect((await new TestClient(t.app).get('/api/v1/me/export')).statusCode).toBe(401);
    });
  });

  describe('account deletion', () => {
    it('checks the password, erases personal data in one go, keeps the access log, clears the cookie', async () => {
      const person = await signedInAs(t, ['resident', 'youth']);
      const id = person.user.id;
      await recordSignupConsents(t.database.db, id, { account: true, notifications: true });
      const admin = await signedInAs(t, ['admin']);
      await admin.client.get(`/api/v1/admin/users/${id}?reason=${encodeURIComponent('탈퇴 전 확인')}`);

      const wrong = await person.client.post('/api/v1/me/delete', { password: 'not-my-password' });
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json().error.code).toBe('delete_password_incorrect');
      expect(erased).not.toContain(id);

      const res = await person.client.post('/api/v1/me/delete', { password: person.password });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ok: true });
      expect(String(res.headers['set-cookie'])).toMatch(/hamkke_session=;/);
      expect(erased).toContain(id);

      const [u] = await t.database.db.select().from(users).where(eq(users.id, id));
      expect(u).toMatchObject({
        email: null,
        emailNormalized: null,
        passwordHash: null,
        totpSecret: null,
        displayName: '탈퇴한 사용자',
      });
      expect(u.deletedAt).toBeInstanceOf(Date);
      expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, id))).toEqual([]);
      expect(await t.database.db.select().from(memberships).where(eq(memberships.userId, id))).toEqual([]);
      expect(await t.database.db.select().from(consentRecords).where(eq(consentRecords.userId, id))).toEqual(
        [],
      );
      const [{ n }] = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from personal_data_access_log where subject_user_id = ${id}`,
      );
      expect(n).toBe(1);

      expect((await person.client.get('/api/v1/me')).statusCode).toBe(401);
      const again = new TestClient(t.app);
      expect(
        (await again.post('/api/v1/auth/login', { email: person.email, password: person.password }))
          .statusCode,
      ).toBe(401);
    });

    it('400 without the password or with unknown fields, 401 anonymous', async () => {
      const person = await signedInAs(t, ['resident']);
      const none = await person.client.post('/api/v1/me/delete', {});
      expect(none.statusCode).toBe(400);
      expect(none.json().error.details[0].field).toBe('body.password');
      expect(
        (await person.client.post('/api/v1/me/delete', { password: person.password, also: 1 })).statusCode,
      ).toBe(400);
      expect(
        (await new TestClient(t.app).post('/api/v1/me/delete', { password: 'whatever-1234' })).statusCode,
      ).toBe(401);
      expect((await person.client.get('/api/v1/me')).statusCode).toBe(200);
    });

    it('an account without a password confirms with "DELETE"', async () => {
      const person = await signedInAs(t, ['resident']);
      await t.database.db.update(users).set({ passwordHash: null }).where(eq(users.id, person.user.id));
      expect((await person.client.post('/api/v1/me/delete', { confirm: 'delete' })).statusCode).toBe(400);
      expect((await person.client.post('/api/v1/me/delete', {})).statusCode).toBe(400);
      expect((await person.client.post('/api/v1/me/delete', { confirm: 'DELETE' })).statusCode).toBe(200);
    });

    it('the last admin of the organization cannot delete their account (409)', async () => {
      // Make this admin the only one left: other admins in this file's database lose the role.
      const last = await signedInAs(t, ['admin']);
      await t.database.db.execute(
        sql`delete from memberships where role = 'admin' and user_id <> ${last.user.id}`,
      );
      const res = await last.client.post('/api/v1/me/delete', { password: last.password });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('last_admin_cannot_delete');
      const [u] = await t.database.db.select().from(users).where(eq(users.id, last.user.id));
      expect(u.deletedAt).toBeNull();
    });
  });
});
