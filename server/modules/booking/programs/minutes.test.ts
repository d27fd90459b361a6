import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { createOtherOrganization, signedInAtOrganization } from '../../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { auditLog } from '../../../platform/audit/tables.ts';

const STAFF = '/api/v1/booking/staff/programs';
const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();
const MINUTES = '참석 42명. 골목 주차 문제를 2020년 의제로 올리기로 합의했습니다.';

type User = Awaited<ReturnType<typeof signedInAs>>;

describe.each(engines)('minutes of a held town hall on %s', (engine) => {
  let t: TestApp;
  let staff: User;
  let resident: User;
  const create = async (startsIn: number) => {
    const res = await staff.client.post(STAFF, {
      code: `mn-${randomUUID().slice(0, 8)}`,
      area: 'governance',
      kind: 'town_hall',
      titleKo: '골목 타운홀미팅',
      titleEn: 'Alley town hall',
      opensAt: inHours(-100),
      closesAt: inHours(startsIn - 1),
      capacity: 50,
      sessions: [{ startsAt: inHours(startsIn), endsAt: inHours(startsIn + 2), address: '영등포구청 별관' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id as string;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    [staff, resident] = await Promise.all([signedInAs(t, ['staff']), signedInAs(t, ['resident'])]);
  });
  afterAll(() => t?.close());

  it('staff publish minutes after it began (audited) and everyone reads them on its page', async () => {
    const id = await create(-3);
    const anon = new TestClient(t.app);
    expect((await anon.get(`/api/v1/booking/programs/${id}`)).json()).toMatchObject({
      minutes: null,
      minutesPublishedAt: null,
    });
    const put = await staff.client.put(`${STAFF}/${id}/minutes`, { minutes: MINUTES });
    expect(put.statusCode, put.body).toBe(200);
    const page = (await anon.get(`/api/v1/booking/programs/${id}`)).json();
    expect(page.minutes).toBe(MINUTES);
    expect(Date.parse(page.minutesPublishedAt)).toBeGreaterThan(Date.now() - 60_000);
    // A correction replaces them; both are in the audit log.
    expect(
      (await staff.client.put(`${STAFF}/${id}/minutes`, { minutes: `${MINUTES} (정정)` })).statusCode,
    ).toBe(200);
    expect((await anon.get(`/api/v1/booking/programs/${id}`)).json().minutes).toContain('(정정)');
    const audits = await t.database.db
      .select({ action: auditLog.action, data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, id), eq(auditLog.action, 'booking.program_minutes')));
    expect(audits.map((a) => a.data.corrected).sort()).toEqual([false, true]);
  });

  it('refuses minutes before it is held, and bad input, in Korean and English', async () => {
    const id = await create(48);
    const early = await staff.client.put(`${STAFF}/${id}/minutes`, { minutes: MINUTES });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('첫 회차가 시작된 뒤에');
    staff.client.lang = 'en';
    const enEarly = await staff.client.put(`${STAFF}/${id}/minutes`, { minutes: MINUTES });
    staff.client.lang = 'ko';
    expect(enEarly.json().error.message).toContain('once the first session has begun');
    const held = await create(-1);
    for (const body of [
      { minutes: '짧음' },
      { minutes: 'a\u0000bcdefghijkl' },
      { minutes: 'x'.repeat(20_001) },
      {},
    ]) {
      const res = await staff.client.put(`${STAFF}/${held}/minutes`, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 40)).toBe(400);
    }
    expect(
      (await staff.client.put(`${STAFF}/${randomUUID()}/minutes`, { minutes: MINUTES })).statusCode,
    ).toBe(404);
    expect((await new TestClient(t.app).get(`/api/v1/booking/programs/${held}`)).json().minutes).toBeNull();
  });

  it('refuses anonymous people, residents and staff of another organization', async () => {
    const id = await create(-2);
    const body = { minutes: MINUTES };
    expect((await new TestClient(t.app).put(`${STAFF}/${id}/minutes`, body)).statusCode).toBe(401);
    expect((await resident.client.put(`${STAFF}/${id}/minutes`, body)).statusCode).toBe(403);
    const other = await createOtherOrganization(t);
    const otherStaff = await signedInAtOrganization(t, other, ['staff']);
    expect((await otherStaff.client.put(`${STAFF}/${id}/minutes`, body)).statusCode).toBe(404);
    expect((await new TestClient(t.app).get(`/api/v1/booking/programs/${id}`)).json().minutes).toBeNull();
  });
});
