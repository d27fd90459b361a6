import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { auditLog } from '../../platform/audit/tables.ts';
import { outbox } from '../../platform/notify/tables.ts';
import { addDays, isHoliday, todayInSeoul } from '../../platform/time/index.ts';
import { markNoShows, sendReminders } from './jobs.ts';
import { bookingBookings, bookingOpeningHours, bookingPlaces, bookingResources } from './tables.ts';

// Check-in by QR code and roll call, the no-show sweep with its suspension and appeal, and the
// reminders that never go twice: against the real app and database, on both engines (the sweeps
// are SQL that each engine runs itself).

const MIN = 60_000;
const MINE = '/api/v1/booking/bookings/mine';
const CHECK_IN = '/api/v1/booking/staff/check-in';

describe.each(engines)('booking check-in, no-shows and reminders on %s', (engine) => {
  let t: TestApp;
  let roomId: string;
  let youth: Awaited<ReturnType<typeof signedInAs>>;
  let staff: Awaited<ReturnType<typeof signedInAs>>;
  let placeId: string;
  let rooms = 0;
  /**
   * A confirmed booking for the person, starting `fromNow` minutes from now (an hour long), each in
   * a room of its own so the times never collide.
   */
  const insertBooking = async (
    userId: string,
    fromNow: number,
    extra: Partial<typeof bookingBookings.$inferInsert> = {},
  ) => {
    const db = t.database.db;
    const [room] = await db
      .insert(bookingResources)
      .values({
        organizationId: t.org.id,
        placeId,
        code: `room-${++rooms}`,
        nameKo: '스터디룸',
        nameEn: 'Study room',
        kind: 'room',
        capacity: 4,
        audience: 'residents',
      })
      .returning({ id: bookingResources.id });
    const start = new Date(Math.floor(Date.now() / MIN) * MIN + fromNow * MIN);
    const end = new Date(start.getTime() + 60 * MIN);
    const [row] = await db
      .insert(bookingBookings)
      .values({
        organizationId: t.org.id,
        resourceId: room.id,
        userId,
        period: sql`tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, '[)')`,
        status: 'confirmed',
        purpose: '스터디',
        ...extra,
      })
      .returning({ id: bookingBookings.id, code: bookingBookings.checkinCode });
    return row;
  };
  const notices = (userId: string, kind: string) =>
    t.database.db
      .select({ payload: outbox.payload })
      .from(outbox)
      .where(and(eq(outbox.userId, userId), eq(outbox.kind, kind)));

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    const [place] = await db
      .insert(bookingPlaces)
      .values({
        organizationId: t.org.id,
        code: 'checkin-place',
        nameKo: '입실 공간',
        nameEn: 'Check-in place',
      })
      .returning();
    placeId = place.id;
    await db.insert(bookingOpeningHours).values(
      [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
        organizationId: t.org.id,
        placeId: place.id,
        weekday,
        opens: '09:00',
        closes: '21:00',
      })),
    );
    [{ id: roomId }] = await db
      .insert(bookingResources)
      .values({
        organizationId: t.org.id,
        placeId: place.id,
        code: 'study',
        nameKo: '스터디룸',
        nameEn: 'Study room',
        kind: 'room',
        capacity: 4,
        audience: 'residents',
        maxBookingsPerWeek: 50,
        maxMinutesPerDay: 720,
      })
      .returning({ id: bookingResources.id });
    youth = await signedInAs(t, ['resident', 'youth']);
    staff = await signedInAs(t, ['staff']);
  });
  afterAll(() => t?.close());

  it('shows the owner a random code, and staff check in by it once, inside the window, audited', async () => {
    const soon = await insertBooking(youth.user.id, 5);
    const mine = (await youth.client.get(MINE)).json().items.find((b: { id: string }) => b.id === soon.id);
    expect(mine.checkinCode).toMatch(/^[A-Z2-9]{10}$/);
    expect(mine.checkinCode).toBe(soon.code);
    expect(mine).toMatchObject({ checkinOpen: true, checkedInAt: null, noShow: false });

    // Only staff check in; a code that is not one is a 400, an unknown one a 404.
    expect((await youth.client.post(CHECK_IN, { code: soon.code })).statusCode).toBe(403);
    const bad = await staff.client.post(CHECK_IN, { code: 'not a code' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('입실 코드 10자리');
    expect((await staff.client.post(CHECK_IN, { code: 'AAAAAAAAAA' })).json().error.code).toBe(
      'booking_checkin_unknown',
    );

    // Typed in lower case with a dash, as a person reads it out.
    const typed = `${soon.code?.slice(0, 5)}-${soon.code?.slice(5)}`.toLowerCase();
    const ok = await staff.client.post(CHECK_IN, { code: typed });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ id: soon.id, resourceName: '스터디룸', placeName: '입실 공간' });
    expect(ok.json().bookedBy).toBeTruthy();
    const again = await staff.client.post(CHECK_IN, { code: soon.code });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('booking_already_checked_in');
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'booking.check_in'), eq(auditLog.targetId, soon.id)));
    expect(audited).toHaveLength(1);
    const after = (await youth.client.get(MINE)).json().items.find((b: { id: string }) => b.id === soon.id);
    expect(after).toMatchObject({ checkinCode: null, checkinOpen: false });
    expect(after.checkedInAt).not.toBeNull();

    // Outside the window: an hour early, or past the 10-minute cut-off.
    const early = await insertBooking(youth.user.id, 120);
    const late = await insertBooking(youth.user.id, -75);
    expect((await staff.client.post(CHECK_IN, { code: early.code })).json().error.code).toBe(
      'booking_checkin_too_early',
    );
    expect((await staff.client.post(CHECK_IN, { code: late.code })).json().error.code).toBe(
      'booking_checkin_too_late',
    );
    await t.database.db.delete(bookingBookings).where(eq(bookingBookings.id, late.id));
  });

  it("lists today's bookings for roll call and checks one in from the list", async () => {
    const now = await insertBooking(youth.user.id, -2);
    const today = await staff.client.get('/api/v1/booking/staff/today');
    expect(today.statusCode).toBe(200);
    const row = today.json().items.find((b: { id: string }) => b.id === now.id);
    expect(row).toMatchObject({ checkinOpen: true });
    expect(row.bookedBy).toBeTruthy();
    expect((await youth.client.get('/api/v1/booking/staff/today')).statusCode).toBe(403);
    const res = await staff.client.post(`/api/v1/booking/staff/bookings/${now.id}/check-in`);
    expect(res.statusCode).toBe(200);
    const listed = (await staff.client.get('/api/v1/booking/staff/today')).json().items;
    expect(listed.find((b: { id: string }) => b.id === now.id).checkedInAt).not.toBeNull();
  });

  it('marks no-shows once; two in 30 days suspend booking, refused in Korean and English with the end date; appeal and decision', async () => {
    const person = await signedInAs(t, ['resident']);
    const first = await insertBooking(person.user.id, -200);
    await insertBooking(person.user.id, -100);
    // A booking from before check-in existed (no code) is never counted.
    await insertBooking(person.user.id, -300, { checkinCode: null });
    const sweep = await markNoShows(t.database.db, { jobs: t.jobs });
    expect(sweep.suspended).toBeGreaterThanOrEqual(1);
    expect(await markNoShows(t.database.db, { jobs: t.jobs })).toEqual({ noShows: 0, suspended: 0 });
    const marked = await t.database.db
      .select({ id: bookingBookings.id })
      .from(bookingBookings)
      .where(and(eq(bookingBookings.userId, person.user.id), sql`${bookingBookings.noShowAt} is not null`));
    expect(marked).toHaveLength(2);
    const mine = (await person.client.get(MINE)).json().items;
    expect(mine.find((b: { id: string }) => b.id === first.id).noShow).toBe(true);

    const told = (await notices(person.user.id, 'booking.changed')).map((n) => JSON.stringify(n.payload));
    expect(told.filter((p) => p.includes('노쇼로 처리'))).toHaveLength(2);
    expect(told.filter((p) => p.includes('공간 예약이 정지되었습니다'))).toHaveLength(1);

    const suspension = (await person.client.get('/api/v1/booking/suspension/mine')).json().suspension;
    expect(suspension).toMatchObject({ noShows: 2, appealStatus: null });
    const endsOn: string = suspension.endsOn;
    expect(endsOn).toBe(addDays(todayInSeoul(), 30));

    let day = addDays(todayInSeoul(), 3);
    while (isHoliday(day, { outsideTable: 'solar-only' })) day = addDays(day, 1);
    const body = {
      resourceId: roomId,
      start: `${day}T10:00:00+09:00`,
      end: `${day}T11:00:00+09:00`,
      purpose: '회의',
      people: 1,
    };
    const refused = await person.client.post('/api/v1/booking/bookings', body);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('booking_suspended');
    expect(refused.json().error.message).toContain(`${endsOn}까지`);
    person.client.lang = 'en';
    const refusedEn = await person.client.post('/api/v1/booking/bookings', body);
    expect(refusedEn.json().error.message).toContain(`until ${endsOn}`);
    person.client.lang = 'ko';

    // The appeal, once; staff see it in their queue and list, and reject it with a reason.
    const appealed = await person.client.post('/api/v1/booking/suspension/appeal', {
      text: '병원에 가느라 취소하지 못했습니다.',
    });
    expect(appealed.statusCode).toBe(200);
    expect(appealed.json().appealStatus).toBe('pending');
    expect(
      (await person.client.post('/api/v1/booking/suspension/appeal', { text: '다시' })).json().error.code,
    ).toBe('booking_appeal_exists');
    const queues = (await staff.client.get('/api/v1/staff/queues')).json().items;
    const queue = queues.find((q: { kind: string }) => q.kind === 'booking.appeals');
    expect(queue).toMatchObject({ count: 1, link: '/booking/staff/appeals', targetWorkingDays: 3 });
    const appeals = (await staff.client.get('/api/v1/booking/staff/appeals')).json();
    expect(appeals.items).toHaveLength(1);
    expect(appeals.items[0]).toMatchObject({ appealText: '병원에 가느라 취소하지 못했습니다.', endsOn });
    expect(appeals.items[0].person).toBeTruthy();
    expect((await person.client.get('/api/v1/booking/staff/appeals')).statusCode).toBe(403);
    const id = appeals.items[0].id;
    const rejected = await staff.client.post(`/api/v1/booking/staff/suspensions/${id}/reject`, {
      reason: '사전 취소가 가능했습니다.',
    });
    expect(rejected.statusCode).toBe(200);
    expect(
      (await staff.client.post(`/api/v1/booking/staff/suspensions/${id}/lift`, { reason: '번복' })).json()
        .error.code,
    ).toBe('booking_appeal_not_pending');
    const after = (await person.client.get('/api/v1/booking/suspension/mine')).json().suspension;
    expect(after).toMatchObject({ appealStatus: 'rejected', decisionReason: '사전 취소가 가능했습니다.' });
    const answer = (await notices(person.user.id, 'booking.changed')).map((n) => JSON.stringify(n.payload));
    expect(answer.some((p) => p.includes('사전 취소가 가능했습니다.'))).toBe(true);
    const actions = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, id));
    expect(actions.map((a) => a.action).sort()).toEqual([
      'booking.appeal',
      'booking.appeal_reject',
      'booking.suspend',
    ]);

    // Another person's appeal is granted: the suspension ends and booking is open again.
    const other = await signedInAs(t, ['resident']);
    await insertBooking(other.user.id, -400);
    await insertBooking(other.user.id, -500);
    await markNoShows(t.database.db, { jobs: t.jobs });
    expect((await other.client.post('/api/v1/booking/bookings', body)).json().error.code).toBe(
      'booking_suspended',
    );
    await other.client.post('/api/v1/booking/suspension/appeal', { text: '가족 일이 있었습니다.' });
    const [pending] = (await staff.client.get('/api/v1/booking/staff/appeals')).json().items;
    const lifted = await staff.client.post(`/api/v1/booking/staff/suspensions/${pending.id}/lift`, {
      reason: '사정을 확인했습니다.',
    });
    expect(lifted.statusCode).toBe(200);
    expect((await other.client.get('/api/v1/booking/suspension/mine')).json().suspension).toBeNull();
    expect((await other.client.post('/api/v1/booking/bookings', body)).statusCode).toBe(200);
  });

  it('queues the day-before and hour-before reminders once each, even when the job runs twice at once', async () => {
    const person = await signedInAs(t, ['resident']);
    const longAgo = new Date(Date.now() - 3 * 86_400_000);
    await insertBooking(person.user.id, 23 * 60, { createdAt: longAgo });
    await insertBooking(person.user.id, 30, { createdAt: longAgo });
    await insertBooking(person.user.id, 40); // made just now: no hour-before reminder for it
    await Promise.all([
      sendReminders(t.database.db, { jobs: t.jobs }),
      sendReminders(t.database.db, { jobs: t.jobs }),
    ]);
    await sendReminders(t.database.db, { jobs: t.jobs });
    const sent = (await notices(person.user.id, 'booking.reminder')).map(
      (n) => (n.payload as { title: { ko: string } }).title.ko,
    );
    expect(sent.sort()).toEqual(['내일 공간 예약이 있습니다.', '한 시간 뒤 공간 예약이 있습니다.']);
  });
});
