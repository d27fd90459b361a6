import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { createOtherOrganization, signedInAtOrganization } from '../../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { auditLog } from '../../../platform/audit/tables.ts';
import { users } from '../../../platform/auth/tables.ts';
import { personalDataAccessLog } from '../../../platform/privacy/access-log-tables.ts';
import { bookingBookings, bookingPlaces, bookingResources } from '../tables.ts';
import { bookingAttendance, bookingRegistrations } from './tables.ts';

// QR check-in at program sessions, on the session's roll call page and on a place's kiosk (which
// also takes room bookings): against the real app and database, on both engines.

const LIST = '/api/v1/booking/programs';
const STAFF = '/api/v1/booking/staff/programs';
const MINE = '/api/v1/booking/registrations/mine';
const MIN = 60_000;
const inMinutes = (m: number) => new Date(Math.floor(Date.now() / MIN) * MIN + m * MIN).toISOString();

type User = Awaited<ReturnType<typeof signedInAs>>;

describe.each(engines)('session check-in by QR code and the kiosk on %s', (engine) => {
  let t: TestApp;
  let staff: User;
  let kim: User;
  let lee: User;
  let placeId: string;
  let otherPlaceId: string;
  let roomId: string;
  let programId: string;
  let sessions: { id: string; startsAt: string }[];
  const kiosk = (place: string) => `/api/v1/booking/kiosk/${place}/check-in`;
  const checkin = (sessionId: string) => `${STAFF}/${programId}/sessions/${sessionId}/check-in`;
  const regOf = async (who: User, program = programId) =>
    (await who.client.get(MINE)).json().items.find((r: { programId: string }) => r.programId === program);

  /** A program at the room with sessions starting at these minutes from now (each an hour long). */
  const makeProgram = async (
    starts: number[],
    opts: { resourceId?: string | null; address?: string } = {},
  ) => {
    const res = await staff.client.post(STAFF, {
      code: `qr-${randomUUID().slice(0, 8)}`,
      area: 'youth',
      kind: 'course',
      titleKo: '1인 미디어 크리에이터 과정',
      titleEn: 'One-person media creator course',
      opensAt: inMinutes(-600),
      closesAt: inMinutes(600),
      capacity: 10,
      sessions: starts.map((m) => ({
        startsAt: inMinutes(m),
        endsAt: inMinutes(m + 60),
        resourceId: opts.resourceId === undefined ? roomId : opts.resourceId,
        address: opts.address ?? '',
      })),
    });
    expect(res.statusCode, res.body).toBe(200);
    const id: string = res.json().id;
    return { id, sessions: (await staff.client.get(`${LIST}/${id}`)).json().sessions };
  };
  const register = async (who: User, program: string) => {
    const res = await who.client.post(`${LIST}/${program}/registration`, {});
    expect(res.json().status, res.body).toBe('confirmed');
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    const [place, other] = await db
      .insert(bookingPlaces)
      .values([
        { organizationId: t.org.id, code: 'qr-place', nameKo: '무중력지대 영등포', nameEn: 'Zero Gravity' },
        { organizationId: t.org.id, code: 'qr-other', nameKo: '청년건축학교', nameEn: 'Architecture school' },
      ])
      .returning();
    placeId = place.id;
    otherPlaceId = other.id;
    [{ id: roomId }] = await db
      .insert(bookingResources)
      .values({
        organizationId: t.org.id,
        placeId,
        code: 'qr-edu',
        nameKo: '교육실',
        nameEn: 'Education room',
        kind: 'room',
        capacity: 20,
        audience: 'residents',
      })
      .returning({ id: bookingResources.id });
    [staff, kim, lee] = await Promise.all([
      signedInAs(t, ['staff']),
      signedInAs(t, ['resident']),
      signedInAs(t, ['resident']),
    ]);
    await db.update(users).set({ displayName: '홍길동' }).where(eq(users.id, kim.user.id));
    // One session under way (started 10 minutes ago), one tomorrow.
    ({ id: programId, sessions } = await makeProgram([-10, 24 * 60]));
    await register(kim, programId);
    await register(lee, programId);
  });
  afterAll(() => t?.close());

  it('shows a confirmed person the QR code of the session under way, not of an ended one', async () => {
    const mine = await regOf(kim);
    expect(mine.checkin).toMatchObject({ sessionId: sessions[0].id, place: '교육실' });
    expect(mine.checkin.code).toMatch(/^[A-Z2-9]{10}$/);
    const [stored] = await t.database.db
      .select({ code: bookingRegistrations.checkinCode })
      .from(bookingRegistrations)
      .where(eq(bookingRegistrations.id, mine.id));
    expect(stored.code).toBe(mine.checkin.code);
    // Codes are each person's own.
    expect((await regOf(lee)).checkin.code).not.toBe(mine.checkin.code);
    const ended = await makeProgram([-180]);
    await register(kim, ended.id);
    expect((await regOf(kim, ended.id)).checkin).toBeNull();
  });

  it('staff check a person in by code once (audited, name access-logged); a second time is a 409', async () => {
    const mine = await regOf(kim);
    const code: string = mine.checkin.code;
    // Typed in lower case with a dash, as a person reads it out.
    const res = await staff.client.post(checkin(sessions[0].id), {
      code: `${code.slice(0, 5)}-${code.slice(5)}`.toLowerCase(),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ registrationId: mine.id, name: '홍길동', sessionId: sessions[0].id });
    const marks = await t.database.db
      .select()
      .from(bookingAttendance)
      .where(eq(bookingAttendance.registrationId, mine.id));
    expect(marks.map((m) => [m.sessionId, m.present])).toEqual([[sessions[0].id, true]]);
    const roll = await staff.client.get(`${STAFF}/${programId}/sessions/${sessions[0].id}/attendance`);
    expect(
      roll.json().items.find((r: { registrationId: string }) => r.registrationId === mine.id).present,
    ).toBe(true);

    const again = await staff.client.post(checkin(sessions[0].id), { code });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('program_already_checked_in');
    expect(again.json().error.message).toBe('이미 이 회차에 출석 처리된 분입니다.');
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'booking.session_check_in'), eq(auditLog.targetId, sessions[0].id)));
    expect(audited).toHaveLength(1);
    expect(audited[0].data).toMatchObject({ registrationId: mine.id, by: 'roll' });
    const logged = await t.database.db
      .select({ reason: personalDataAccessLog.reason })
      .from(personalDataAccessLog)
      .where(
        and(
          eq(personalDataAccessLog.subjectUserId, kim.user.id),
          eq(personalDataAccessLog.actorUserId, staff.user.id),
        ),
      );
    expect(logged.map((l) => l.reason)).toContain('booking.attendance.checkin');
  });

  it('refuses outside the window (30 minutes before the start until the end), in Korean and English', async () => {
    const code: string = (await regOf(lee)).checkin.code;
    const early = await staff.client.post(checkin(sessions[1].id), { code });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('program_checkin_too_early');
    expect(early.json().error.message).toContain('30분 전');
    staff.client.lang = 'en';
    const english = await staff.client.post(checkin(sessions[1].id), { code });
    staff.client.lang = 'ko';
    expect(JSON.stringify(english.json())).toMatch(/30 minutes before/);

    const ended = await makeProgram([-120]);
    await register(lee, ended.id);
    const [reg] = await t.database.db
      .select({ code: bookingRegistrations.checkinCode })
      .from(bookingRegistrations)
      .where(and(eq(bookingRegistrations.programId, ended.id), eq(bookingRegistrations.userId, lee.user.id)));
    const late = await staff.client.post(`${STAFF}/${ended.id}/sessions/${ended.sessions[0].id}/check-in`, {
      code: reg.code,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('program_checkin_too_late');
    expect(
      await t.database.db
        .select()
        .from(bookingAttendance)
        .where(eq(bookingAttendance.sessionId, ended.sessions[0].id)),
    ).toEqual([]);
    // Another program's code on this session's page is not one of its people.
    const wrong = await staff.client.post(checkin(sessions[0].id), { code: reg.code });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe('program_checkin_unknown');
  });

  it("refuses residents (403) and does not find another organization's code (404)", async () => {
    const code: string = (await regOf(lee)).checkin.code;
    expect((await lee.client.post(checkin(sessions[0].id), { code })).statusCode).toBe(403);
    expect((await lee.client.post(kiosk(placeId), { code })).statusCode).toBe(403);

    const other = await createOtherOrganization(t);
    const [otherStaff, otherPerson] = await Promise.all([
      signedInAtOrganization(t, other, ['staff']),
      signedInAtOrganization(t, other, ['resident']),
    ]);
    const res = await otherStaff.client.post(STAFF, {
      code: `other-${randomUUID().slice(0, 8)}`,
      area: 'youth',
      kind: 'briefing',
      titleKo: '다른 기관 설명회',
      titleEn: 'Briefing elsewhere',
      opensAt: inMinutes(-600),
      closesAt: inMinutes(600),
      capacity: 5,
      sessions: [{ startsAt: inMinutes(-5), endsAt: inMinutes(55), address: '다른 곳' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await otherPerson.client.post(`${LIST}/${res.json().id}/registration`, {})).json().status).toBe(
      'confirmed',
    );
    const [theirs] = await t.database.db
      .select({ code: bookingRegistrations.checkinCode })
      .from(bookingRegistrations)
      .where(eq(bookingRegistrations.userId, otherPerson.user.id));
    const there = await staff.client.post(checkin(sessions[0].id), { code: theirs.code });
    expect(there.statusCode).toBe(404);
    expect(there.json().error.code).toBe('program_checkin_unknown');
    const atKiosk = await staff.client.post(kiosk(placeId), { code: theirs.code });
    expect(atKiosk.statusCode).toBe(404);
    expect(atKiosk.json().error.code).toBe('kiosk_code_unknown');
    // Their staff cannot use our place's kiosk either.
    expect((await otherStaff.client.post(kiosk(placeId), { code })).statusCode).toBe(404);
  });

  it('the kiosk checks in session and room-booking codes of its place, with a masked name, once', async () => {
    const code: string = (await regOf(lee)).checkin.code;
    await t.database.db.update(users).set({ displayName: '남궁민수' }).where(eq(users.id, lee.user.id));
    const res = await staff.client.post(kiosk(placeId), { code });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'session',
      maskedName: '남**수',
      placeName: '무중력지대 영등포',
      room: '교육실',
      programTitle: '1인 미디어 크리에이터 과정',
    });
    expect(JSON.stringify(res.json())).not.toContain('남궁민수');
    const again = await staff.client.post(kiosk(placeId), { code });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('program_already_checked_in');
    const audited = await t.database.db
      .select({ data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'booking.session_check_in'), eq(auditLog.targetId, sessions[0].id)));
    expect(audited.map((a) => (a.data as { by: string }).by).sort()).toEqual(['kiosk', 'roll']);
    // The other place's kiosk does not hold this program's sessions.
    const elsewhere = await staff.client.post(kiosk(otherPlaceId), { code: (await regOf(kim)).checkin.code });
    expect(elsewhere.json().error.code).toBe('program_checkin_other_place');

    // A room booking of this place, starting in 5 minutes.
    const start = new Date(inMinutes(5));
    const end = new Date(start.getTime() + 60 * MIN);
    const [booking] = await t.database.db
      .insert(bookingBookings)
      .values({
        organizationId: t.org.id,
        resourceId: roomId,
        userId: kim.user.id,
        period: sql`tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, '[)')`,
        status: 'confirmed',
        purpose: '스터디',
      })
      .returning({ id: bookingBookings.id, code: bookingBookings.checkinCode });
    expect((await staff.client.post(kiosk(otherPlaceId), { code: booking.code })).json().error.code).toBe(
      'booking_checkin_other_place',
    );
    const room = await staff.client.post(kiosk(placeId), { code: booking.code });
    expect(room.statusCode, room.body).toBe(200);
    expect(room.json()).toMatchObject({
      kind: 'booking',
      maskedName: '홍*동',
      room: '교육실',
      programTitle: null,
    });
    expect((await staff.client.post(kiosk(placeId), { code: booking.code })).json().error.code).toBe(
      'booking_already_checked_in',
    );
    expect((await staff.client.post(kiosk(placeId), { code: 'AAAAAAAAAA' })).json().error.code).toBe(
      'kiosk_code_unknown',
    );
    expect((await staff.client.post(kiosk(randomUUID()), { code: 'AAAAAAAAAA' })).statusCode).toBe(404);
  });
});
