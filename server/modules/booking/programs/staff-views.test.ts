import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { createOtherOrganization, signedInAtOrganization } from '../../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { users } from '../../../platform/auth/tables.ts';
import { personalDataAccessLog } from '../../../platform/privacy/access-log-tables.ts';
import { bookingPrograms } from './tables.ts';

const LIST = '/api/v1/booking/programs';
const STAFF = '/api/v1/booking/staff/programs';
const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

type User = Awaited<ReturnType<typeof signedInAs>>;

describe.each(engines)('staff program views (edit, draw list) on %s', (engine) => {
  let t: TestApp;
  let staff: User;
  let resident: User;
  const program = (extra: Record<string, unknown> = {}) => ({
    code: `sv-${randomUUID().slice(0, 8)}`,
    area: 'governance',
    kind: 'town_hall',
    titleKo: '영등포 타운홀미팅',
    titleEn: 'Yeongdeungpo town hall',
    descriptionKo: '주민이 함께 의제를 정합니다.',
    descriptionEn: 'Residents set the agenda together.',
    opensAt: inHours(-1),
    closesAt: inHours(24),
    capacity: 2,
    sessions: [
      { startsAt: inHours(48), endsAt: inHours(50), address: '영등포구청 대회의실' },
      { startsAt: inHours(72), endsAt: inHours(74), online: true },
    ],
    ...extra,
  });
  const create = async (extra: Record<string, unknown> = {}) => {
    const res = await staff.client.post(STAFF, program(extra));
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id as string;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    [staff, resident] = await Promise.all([signedInAs(t, ['staff']), signedInAs(t, ['resident'])]);
  });
  afterAll(() => t?.close());

  it('gives staff both languages and the sessions to edit; a PUT adds and removes sessions', async () => {
    const id = await create();
    const edit = await staff.client.get(`${STAFF}/${id}`);
    expect(edit.statusCode, edit.body).toBe(200);
    const e = edit.json();
    expect(e).toMatchObject({
      titleKo: '영등포 타운홀미팅',
      titleEn: 'Yeongdeungpo town hall',
      descriptionEn: 'Residents set the agenda together.',
      mode: 'first_come',
      modeLocked: false,
      capacity: 2,
    });
    expect(e.sessions).toHaveLength(2);
    expect(e.sessions[0]).toMatchObject({ address: '영등포구청 대회의실', online: false, resourceId: null });
    const firstId = e.sessions[0].id;
    // A third session added, then the second one removed: the first keeps its id (and its attendance).
    const three = [
      ...e.sessions.map((s: Record<string, unknown>) => ({
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        address: s.address,
        online: s.online,
      })),
      { startsAt: inHours(96), endsAt: inHours(98), address: '당산2동 주민센터' },
    ];
    const { sessions: _s, id: _i, modeLocked: _m, ...fields } = e;
    expect((await staff.client.put(`${STAFF}/${id}`, { ...fields, sessions: three })).statusCode).toBe(200);
    expect((await staff.client.get(`${STAFF}/${id}`)).json().sessions).toHaveLength(3);
    const two = [three[0], three[2]];
    expect((await staff.client.put(`${STAFF}/${id}`, { ...fields, sessions: two })).statusCode).toBe(200);
    const after = (await staff.client.get(`${STAFF}/${id}`)).json();
    expect(after.sessions.map((s: { address: string }) => s.address)).toEqual([
      '영등포구청 대회의실',
      '당산2동 주민센터',
    ]);
    expect(after.sessions[0].id).toBe(firstId);
    // No session at all is refused with a message per field.
    const none = await staff.client.put(`${STAFF}/${id}`, { ...fields, sessions: [] });
    expect(none.statusCode).toBe(400);
  });

  it('refuses anonymous people (401), residents (403), another organization (404) and bad ids (400)', async () => {
    const id = await create();
    const anon = new TestClient(t.app);
    expect((await anon.get(`${STAFF}/${id}`)).statusCode).toBe(401);
    expect((await anon.get(`${STAFF}/${id}/draw`)).statusCode).toBe(401);
    expect((await resident.client.get(`${STAFF}/${id}`)).statusCode).toBe(403);
    expect((await resident.client.get(`${STAFF}/${id}/draw`)).statusCode).toBe(403);
    const other = await createOtherOrganization(t);
    const otherStaff = await signedInAtOrganization(t, other, ['staff']);
    expect((await otherStaff.client.get(`${STAFF}/${id}`)).statusCode).toBe(404);
    expect((await otherStaff.client.get(`${STAFF}/${id}/draw`)).statusCode).toBe(404);
    expect((await staff.client.get(`${STAFF}/not-a-uuid`)).statusCode).toBe(400);
    const badList = await staff.client.get(`${STAFF}/${id}/draw?list=everyone`);
    expect(badList.statusCode).toBe(400);
    const en = new TestClient(t.app, 'en');
    en.cookies = staff.client.cookies;
    en.csrfToken = staff.client.csrfToken;
    // Not drawn yet: a 404 that says so, in the reader's language.
    const notDrawn = await en.get(`${STAFF}/${id}/draw`);
    expect(notDrawn.statusCode).toBe(404);
    expect(notDrawn.json().error.message).toContain('not been drawn');
  });

  it('lists the draw in order with masked names, paged, and logs the read', async () => {
    const id = await create({ mode: 'lottery', capacity: 2 });
    const applicants = await Promise.all(Array.from({ length: 5 }, () => signedInAs(t, ['resident'])));
    const names = ['김민준', '이서연', '박지호', '최수아', '정하늘'];
    for (const [i, a] of applicants.entries()) {
      await t.database.db.update(users).set({ displayName: names[i] }).where(eq(users.id, a.user.id));
      expect((await a.client.post(`${LIST}/${id}/registration`, {})).json().status).toBe('applied');
    }
    // The edit view locks the mode once the digest is out.
    await t.database.db
      .update(bookingPrograms)
      .set({ opensAt: new Date(Date.now() - 3 * HOUR), closesAt: new Date(Date.now() - HOUR) })
      .where(eq(bookingPrograms.id, id));
    expect((await staff.client.post(`${STAFF}/${id}/digest`)).statusCode).toBe(200);
    expect((await staff.client.get(`${STAFF}/${id}`)).json().modeLocked).toBe(true);
    const drawn = (await staff.client.post(`${STAFF}/${id}/draw`, { seed: '2026 타운홀' })).json();

    const winners = await staff.client.get(`${STAFF}/${id}/draw?list=winners`);
    expect(winners.statusCode, winners.body).toBe(200);
    const w = winners.json();
    expect(w).toMatchObject({ seed: '2026 타운홀', seats: 2, applicants: 5, winners: 2, waiting: 3 });
    expect(w.items.map((x: { rank: number }) => x.rank)).toEqual([1, 2]);
    expect(w.items.every((x: { status: string }) => x.status === 'confirmed')).toBe(true);
    const masked = new Set(names.map((n) => `${n[0]}*${n[2]}`));
    for (const x of w.items) expect(masked.has(x.name)).toBe(true);
    expect(JSON.stringify(w)).not.toMatch(new RegExp(names.join('|')));
    // The waiting list in drawn order, two at a time.
    const page1 = (await staff.client.get(`${STAFF}/${id}/draw?list=waiting&limit=2`)).json();
    expect(page1.items.map((x: { rank: number }) => x.rank)).toEqual([1, 2]);
    expect(page1.nextOffset).toBe(2);
    const page2 = (await staff.client.get(`${STAFF}/${id}/draw?list=waiting&limit=2&offset=2`)).json();
    expect(page2.items.map((x: { rank: number }) => x.rank)).toEqual([3]);
    expect(page2.nextOffset).toBeNull();
    // Same order as the public draw's waiting list.
    const byId = new Map(applicants.map((a, i) => [a.user.id, `${names[i][0]}*${names[i][2]}`]));
    const regs = await Promise.all(
      applicants.map(async (a) => ({
        reg: (await a.client.get('/api/v1/booking/registrations/mine')).json().items[0].id as string,
        name: byId.get(a.user.id),
      })),
    );
    const nameOfReg = new Map(regs.map((r) => [r.reg, r.name]));
    expect([...page1.items, ...page2.items].map((x: { name: string }) => x.name)).toEqual(
      drawn.waitingList.map((r: string) => nameOfReg.get(r)),
    );
    const logged = await t.database.db
      .select()
      .from(personalDataAccessLog)
      .where(
        and(
          eq(personalDataAccessLog.actorUserId, staff.user.id),
          eq(personalDataAccessLog.reason, 'booking.draw.list'),
        ),
      );
    expect(logged.length).toBe(5);
  });
});
