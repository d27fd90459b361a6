import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { createOtherOrganization, signedInAtOrganization } from '../../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { outbox } from '../../../platform/notify/tables.ts';
import { PROGRAM_MINUTES_PUBLISHED } from './notify.ts';
import { bookingRegistrations } from './tables.ts';

// Minutes in English too (migration 0128), and the people who took part told once, when the
// minutes are first published (not on corrections).

const STAFF = '/api/v1/booking/staff/programs';
const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();
const MINUTES = '참석 42명. 골목 주차 문제를 2020년 의제로 올리기로 합의했습니다.';
const MINUTES_EN = '42 people came. Alley parking goes on the 2020 agenda, by consensus.';

type User = Awaited<ReturnType<typeof signedInAs>>;

describe.each(engines)('English minutes and their notification on %s', (engine) => {
  let t: TestApp;
  let staff: User;
  let confirmed: User;
  let cancelled: User;
  let waiting: User;

  const create = async () => {
    const res = await staff.client.post(STAFF, {
      code: `me-${randomUUID().slice(0, 8)}`,
      area: 'governance',
      kind: 'town_hall',
      titleKo: '골목 타운홀미팅',
      titleEn: 'Alley town hall',
      opensAt: inHours(-100),
      closesAt: inHours(-4),
      capacity: 50,
      sessions: [{ startsAt: inHours(-3), endsAt: inHours(-1), address: '영등포구청 별관' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id as string;
  };
  const told = async (userId: string) =>
    t.database.db
      .select({ payload: outbox.payload })
      .from(outbox)
      .where(and(eq(outbox.userId, userId), eq(outbox.kind, PROGRAM_MINUTES_PUBLISHED)));

  beforeAll(async () => {
    t = await createTestApp(engine);
    [staff, confirmed, cancelled, waiting] = await Promise.all([
      signedInAs(t, ['staff']),
      signedInAs(t, ['resident']),
      signedInAs(t, ['resident']),
      signedInAs(t, ['resident']),
    ]);
  });
  afterAll(() => t?.close());

  it('stores English minutes beside the Korean, and the confirmed registrants are told once', async () => {
    const id = await create();
    await t.database.db.insert(bookingRegistrations).values(
      (
        [
          [confirmed, 'confirmed'],
          [cancelled, 'cancelled'],
          [waiting, 'waiting'],
        ] as const
      ).map(([u, status]) => ({
        organizationId: t.org.id,
        programId: id,
        userId: u.user.id,
        status,
        queueNumber: status === 'waiting' ? 1 : null,
      })),
    );
    const put = await staff.client.put(`${STAFF}/${id}/minutes`, { minutes: MINUTES, minutesEn: MINUTES_EN });
    expect(put.statusCode, put.body).toBe(200);
    const page = (await new TestClient(t.app).get(`/api/v1/booking/programs/${id}`)).json();
    expect(page).toMatchObject({ minutes: MINUTES, minutesEn: MINUTES_EN });
    const first = await told(confirmed.user.id);
    expect(first).toHaveLength(1);
    expect(JSON.stringify(first[0].payload)).toContain('Alley town hall');
    expect(await told(cancelled.user.id)).toHaveLength(0);
    expect(await told(waiting.user.id)).toHaveLength(0);

    // A correction (dropping the English) is not news: nobody is told again.
    const corrected = await staff.client.put(`${STAFF}/${id}/minutes`, {
      minutes: `${MINUTES} (정정)`,
      minutesEn: '',
    });
    expect(corrected.statusCode).toBe(200);
    expect(await told(confirmed.user.id)).toHaveLength(1);
    const after = (await new TestClient(t.app).get(`/api/v1/booking/programs/${id}`)).json();
    expect(after.minutes).toContain('(정정)');
    expect(after.minutesEn).toBeNull();
  });

  it('Korean only is still accepted; bad English is refused in Korean and English; others refused', async () => {
    const id = await create();
    expect((await staff.client.put(`${STAFF}/${id}/minutes`, { minutes: MINUTES })).statusCode).toBe(200);
    expect((await new TestClient(t.app).get(`/api/v1/booking/programs/${id}`)).json().minutesEn).toBeNull();
    const messages: string[] = [];
    for (const lang of ['ko', 'en']) {
      staff.client.lang = lang;
      const bad = await staff.client.put(`${STAFF}/${id}/minutes`, { minutes: MINUTES, minutesEn: 'short' });
      expect(bad.statusCode).toBe(400);
      messages.push(bad.json().error.message);
    }
    staff.client.lang = 'ko';
    expect(messages[0]).not.toBe(messages[1]);
    const body = { minutes: MINUTES, minutesEn: MINUTES_EN };
    expect((await confirmed.client.put(`${STAFF}/${id}/minutes`, body)).statusCode).toBe(403);
    const other = await signedInAtOrganization(t, await createOtherOrganization(t), ['staff']);
    expect((await other.client.put(`${STAFF}/${id}/minutes`, body)).statusCode).toBe(404);
    expect((await new TestClient(t.app).get(`/api/v1/booking/programs/${id}`)).json().minutesEn).toBeNull();
  });
});
