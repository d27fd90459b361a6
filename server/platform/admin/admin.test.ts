import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { users } from '../auth/tables.ts';
import { queryRows } from '../db/connect.ts';

describe.each(engines)('administration on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  const auditFor = (targetId: string) =>
    queryRows<{ action: string; actor_user_id: string; data: { role: string } }>(
      t.database.db,
      sql`select action, actor_user_id, data from audit_log where target_id = ${targetId} order by id`,
    );

  describe('roles', () => {
    it('an admin grants and revokes roles, each change audited', async () => {
      const admin = await signedInAs(t, ['admin']);
      const { user } = await signedInAs(t, ['resident']);
      const granted = await admin.client.post(`/api/v1/admin/users/${user.id}/roles`, { role: 'staff' });
      expect(granted.statusCode).toBe(200);
      expect(granted.json()).toEqual({ roles: ['resident', 'staff'] });
      const again = await admin.client.post(`/api/v1/admin/users/${user.id}/roles`, { role: 'staff' });
      expect(again.json()).toEqual({ roles: ['resident', 'staff'] });
      const revoked = await admin.client.delete(`/api/v1/admin/users/${user.id}/roles/resident`);
      expect(revoked.statusCode).toBe(200);
      expect(revoked.json()).toEqual({ roles: ['staff'] });
      const entries = await auditFor(user.id);
      expect(entries.map((e) => [e.action, e.data.role, e.actor_user_id])).toEqual([
        ['role.grant', 'staff', admin.user.id],
        ['role.revoke', 'resident', admin.user.id],
      ]);
    });

    it('a granted role takes effect on the person’s next request', async () => {
      const admin = await signedInAs(t, ['admin']);
      const person = await signedInAs(t, ['resident']);
      expect((await person.client.get('/api/v1/admin/users')).statusCode).toBe(403);
      await admin.client.post(`/api/v1/admin/users/${person.user.id}/roles`, { role: 'staff' });
      expect((await person.client.get('/api/v1/admin/users')).statusCode).toBe(200);
    });

    it('an admin cannot remove their own admin role (409), but another admin can', async () => {
      const a = await signedInAs(t, ['admin', 'staff']);
      const self = await a.client.delete(`/api/v1/admin/users/${a.user.id}/roles/admin`);
      expect(self.statusCode).toBe(409);
      expect(self.json().error.code).toBe('cannot_remove_own_admin');
      const b = await signedInAs(t, ['admin']);
      const other = await b.client.delete(`/api/v1/admin/users/${a.user.id}/roles/admin`);
      expect(other.json()).toEqual({ roles: ['staff'] });
    });

    it('401 anonymous, 403 for staff, 400 for an unknown role or extra field, 404 for someone outside the organization', async () => {
      const { user } = await signedInAs(t, ['resident']);
      const url = `/api/v1/admin/users/${user.id}/roles`;
      expect((await new TestClient(t.app).post(url, { role: 'staff' })).statusCode).toBe(401);
      const staff = await signedInAs(t, ['staff']);
      expect((await staff.client.post(url, { role: 'staff' })).statusCode).toBe(403);
      expect((await staff.client.delete(`${url}/resident`)).statusCode).toBe(403);
      const admin = await signedInAs(t, ['admin']);
      const badRole = await admin.client.post(url, { role: 'superuser' });
      expect(badRole.statusCode).toBe(400);
      expect(badRole.json().error.details[0]).toMatchObject({ field: 'body.role', code: 'invalid_value' });
      expect((await admin.client.post(url, { role: 'staff', extra: 1 })).statusCode).toBe(400);
      expect((await admin.client.delete(`${url}/superuser`)).statusCode).toBe(400);
      expect(
        (await admin.client.post('/api/v1/admin/users/not-a-uuid/roles', { role: 'staff' })).statusCode,
      ).toBe(400);
      const nobody = await admin.client.post(
        '/api/v1/admin/users/00000000-0000-4000-8000-000000000000/roles',
        { role: 'staff' },
      );
      expect(nobody.statusCode).toBe(404);
    });
  });

  describe('users list', () => {
    const search = (q: string, reason?: string) =>
      `/api/v1/admin/users?${new URLSearchParams(reason ? { q, reason } : { q })}`;

    it('staff page through the masked list but cannot search people, even with a reason (403)', async () => {
      const { user, email } = await signedInAs(t, ['resident'], { email: `listed-${engine}@example.com` });
      await t.database.db.update(users).set({ displayName: '홍길동' }).where(eq(users.id, user.id));
      const staff = await signedInAs(t, ['staff']);
      const list = await staff.client.get('/api/v1/admin/users?limit=100');
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toContainEqual({
        id: user.id,
        displayName: '홍*동',
        email: `l${'*'.repeat(`listed-${engine}`.length - 1)}@example.com`,
        roles: ['resident'],
        createdAt: expect.any(String),
        deleted: false,
      });
      expect(list.body).not.toContain('홍길동');
      expect(list.body).not.toContain(email);
      // The attack: one partial search per character rebuilt a masked address.
      for (const q of [email, 'listed', '길동'])
        expect((await staff.client.get(search(q, '민원 확인'))).statusCode, q).toBe(403);
      expect((await staff.client.get(search('listed'))).statusCode).toBe(403);
    });

    it('an admin search needs a reason; an email matches only whole; each person shown is access-logged', async () => {
      const { user, email } = await signedInAs(t, ['resident'], { email: `Exact-${engine}@Example.com` });
      await t.database.db.update(users).set({ displayName: '김정확' }).where(eq(users.id, user.id));
      const admin = await signedInAs(t, ['admin']);
      const noReason = await admin.client.get(search(email));
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error).toMatchObject({
        code: 'search_reason_required',
        details: [{ field: 'querystring.reason', code: 'required' }],
      });
      expect((await admin.client.get(search(email, 'x'))).statusCode).toBe(400); // too short
      expect((await admin.client.get(search(email, 'ㄱ'.repeat(201)))).statusCode).toBe(400);

      const reason = '민원 응대: 가입 여부 확인';
      // Without '@' a query is a name; with it, only a whole address matches.
      for (const partial of [
        `exact-${engine}`,
        `exact-${engine}@example.co`,
        'e@example.com',
        '@example.com',
        `xact-${engine}@example.com`,
      ]) {
        const res = await admin.client.get(search(partial, reason));
        expect(res.statusCode, partial).toBe(200);
        expect(res.json().items, partial).toEqual([]);
      }
      const exact = await admin.client.get(search(` ${email.toUpperCase()} `, reason));
      expect(exact.statusCode).toBe(200);
      expect(exact.json().items).toEqual([
        expect.objectContaining({ id: user.id, displayName: '김*확', email: expect.stringContaining('*') }),
      ]);
      expect(exact.body).not.toContain(email);
      const byName = await admin.client.get(search('정확', reason));
      expect(byName.json().items.map((u: { id: string }) => u.id)).toEqual([user.id]);

      const log = await admin.client.get(`/api/v1/admin/personal-data-access-log?subjectUserId=${user.id}`);
      expect(log.json().items).toEqual([
        expect.objectContaining({
          actor: { id: admin.user.id, displayName: admin.user.displayName },
          subject: { id: user.id, displayName: '김*확' },
          fields: ['displayName'],
          reason,
          ip: '127.0.0.1',
          route: 'GET /api/v1/admin/users',
        }),
        expect.objectContaining({ fields: ['email'], reason, route: 'GET /api/v1/admin/users' }),
      ]);
    });

    it('pages with a cursor without repeating anyone', async () => {
      const admin = await signedInAs(t, ['admin']);
      const seen = new Set<string>();
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await admin.client.get(`/api/v1/admin/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.statusCode).toBe(200);
        for (const u of res.json().items) {
          expect(seen.has(u.id)).toBe(false);
          seen.add(u.id);
        }
        cursor = res.json().nextCursor;
        pages++;
      } while (cursor && pages < 50);
      const [{ n }] = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(distinct user_id)::int as n from memberships where organization_id = ${t.org.id}`,
      );
      expect(seen.size).toBe(n);
    });

    it('401 anonymous, 403 for residents, 400 for a bad cursor', async () => {
      expect((await new TestClient(t.app).get('/api/v1/admin/users')).statusCode).toBe(401);
      const resident = await signedInAs(t, ['resident', 'youth']);
      expect((await resident.client.get('/api/v1/admin/users')).statusCode).toBe(403);
      const staff = await signedInAs(t, ['staff']);
      const bad = await staff.client.get('/api/v1/admin/users?cursor=garbage');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].field).toBe('querystring.cursor');
    });
  });

  describe('reading one person’s personal data', () => {
    it('requires a reason, and writes who, whose, what, why, from where to the access log', async () => {
      const { user, email } = await signedInAs(t, ['resident']);
      const admin = await signedInAs(t, ['admin']);
      const noReason = await admin.client.get(`/api/v1/admin/users/${user.id}`);
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.details[0].field).toBe('querystring.reason');

      const reason = '민원 처리 확인';
      const res = await admin.client.get(
        `/api/v1/admin/users/${user.id}?reason=${encodeURIComponent(reason)}`,
      );
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: user.id, email, roles: ['resident'], emailVerified: true });

      const log = await admin.client.get(`/api/v1/admin/personal-data-access-log?subjectUserId=${user.id}`);
      expect(log.statusCode).toBe(200);
      expect(log.json().items).toEqual([
        {
          id: expect.any(String),
          at: expect.any(String),
          actor: { id: admin.user.id, displayName: admin.user.displayName },
          subject: { id: user.id, displayName: expect.stringContaining('*') },
          actorLabel: admin.user.displayName,
          subjectLabel: expect.stringContaining('*'),
          fields: expect.arrayContaining(['email', 'displayName']),
          fieldLabels: expect.arrayContaining(['이메일 주소', '이름', '동의 내역']),
          reason,
          reasonLabel: reason, // typed by the admin: shown as written
          ip: '127.0.0.1',
          route: 'GET /api/v1/admin/users/:id',
        },
      ]);
    });

    it('staff may list but not read personal data (403); anonymous 401; unknown person 404 and nothing logged', async () => {
      const { user } = await signedInAs(t, ['resident']);
      const staff = await signedInAs(t, ['staff']);
      expect((await staff.client.get(`/api/v1/admin/users/${user.id}?reason=check`)).statusCode).toBe(403);
      expect(
        (await new TestClient(t.app).get(`/api/v1/admin/users/${user.id}?reason=check`)).statusCode,
      ).toBe(401);
      expect((await staff.client.get('/api/v1/admin/personal-data-access-log')).statusCode).toBe(403);
      expect((await new TestClient(t.app).get('/api/v1/admin/personal-data-access-log')).statusCode).toBe(
        401,
      );
      const admin = await signedInAs(t, ['admin']);
      const missing = await admin.client.get(
        '/api/v1/admin/users/00000000-0000-4000-8000-000000000000?reason=check',
      );
      expect(missing.statusCode).toBe(404);
      const [{ n }] = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from personal_data_access_log where subject_user_id = '00000000-0000-4000-8000-000000000000'`,
      );
      expect(n).toBe(0);
    });

    it('reading the access log shows who read and from where: each other reader shown is logged too', async () => {
      const { user } = await signedInAs(t, ['resident']);
      const first = await signedInAs(t, ['admin']);
      await first.client.get(`/api/v1/admin/users/${user.id}?reason=${encodeURIComponent('민원 확인')}`);
      const second = await signedInAs(t, ['admin']);
      const log = await second.client.get(`/api/v1/admin/personal-data-access-log?subjectUserId=${user.id}`);
      expect(log.json().items).toEqual([
        expect.objectContaining({
          actor: { id: first.user.id, displayName: first.user.displayName },
          ip: '127.0.0.1',
        }),
      ]);
      const [row] = await queryRows<{
        actor_user_id: string;
        fields: string[];
        reason: string;
        route: string;
      }>(
        t.database.db,
        sql`select actor_user_id, fields, reason, route from personal_data_access_log where subject_user_id = ${first.user.id}`,
      );
      expect(row).toEqual({
        actor_user_id: second.user.id,
        fields: ['displayName', 'ip'],
        reason: 'admin.access-log.read',
        route: 'GET /api/v1/admin/personal-data-access-log',
      });
    });

    it('the database keeps access log rows: no update, no deletion before two years', async () => {
      const failure = (q: Promise<unknown>) =>
        q.then(
          () => 'succeeded',
          (e) => String((e as Error & { cause?: Error }).cause?.message ?? e),
        );
      expect(
        await failure(t.database.db.execute(sql`update personal_data_access_log set reason = 'x'`)),
      ).toMatch(/cannot be changed/);
      expect(await failure(t.database.db.execute(sql`delete from personal_data_access_log`))).toMatch(
        /at least two years/,
      );
    });
  });

  describe('organization settings', () => {
    it('admins read and change them, audited; turning on staff two-factor needs it on oneself first', async () => {
      const admin = await signedInAs(t, ['admin']);
      const got = await admin.client.get('/api/v1/admin/organization');
      expect(got.json()).toEqual({
        id: t.org.id,
        slug: t.org.slug,
        nameKo: t.org.nameKo,
        nameEn: t.org.nameEn,
        requireStaffTwoFactor: false,
      });

      const renamed = await admin.client.patch('/api/v1/admin/organization', {
        nameEn: 'Yeongdeungpo Social Economy',
      });
      expect(renamed.statusCode).toBe(200);
      expect(renamed.json().nameEn).toBe('Yeongdeungpo Social Economy');
      const me = await admin.client.get('/api/v1/me');
      expect(me.json().organization.nameEn).toBe('Yeongdeungpo Social Economy');
      const [entry] = await queryRows<{ action: string; data: unknown }>(
        t.database.db,
        sql`select action, data from audit_log where action = 'organization.update'`,
      );
      expect(entry.data).toEqual({
        from: { nameEn: t.org.nameEn },
        to: { nameEn: 'Yeongdeungpo Social Economy' },
      });

      const refused = await admin.client.patch('/api/v1/admin/organization', { requireStaffTwoFactor: true });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('two_factor_needed_before_requiring');
      await t.database.db.update(users).set({ totpEnabledAt: new Date() }).where(eq(users.id, admin.user.id));
      const on = await admin.client.patch('/api/v1/admin/organization', { requireStaffTwoFactor: true });
      expect(on.json().requireStaffTwoFactor).toBe(true);
      const off = await admin.client.patch('/api/v1/admin/organization', { requireStaffTwoFactor: false });
      expect(off.json().requireStaffTwoFactor).toBe(false);
    });

    it('401 anonymous, 403 staff, 400 bad input', async () => {
      expect((await new TestClient(t.app).get('/api/v1/admin/organization')).statusCode).toBe(401);
      const staff = await signedInAs(t, ['staff']);
      expect((await staff.client.get('/api/v1/admin/organization')).statusCode).toBe(403);
      expect(
        (await staff.client.patch('/api/v1/admin/organization', { nameKo: '바꾼 이름' })).statusCode,
      ).toBe(403);
      const admin = await signedInAs(t, ['admin']);
      const bad = await admin.client.patch('/api/v1/admin/organization', { nameKo: '', slug: 'new' });
      expect(bad.statusCode).toBe(400);
      const fields = bad.json().error.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['body.nameKo']));
    });
  });
});
