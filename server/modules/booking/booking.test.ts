import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBooking } from '../../../seed/builders/booking.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { createOtherOrganization, signedInAtOrganization } from '../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { auditLog } from '../../platform/audit/tables.ts';
import { parseCalendar } from '../../platform/calendar/test-ical.ts';
import { queryRows } from '../../platform/db/connect.ts';
import { personalDataAccessLog } from '../../platform/privacy/access-log-tables.ts';
import { addDays, holidayName, isHoliday, todayInSeoul } from '../../platform/time/index.ts';
import {
  bookingBookings,
  bookingClosedDates,
  bookingOpeningHours,
  bookingPlaces,
  bookingResources,
} from './tables.ts';

const PLACES = '/api/v1/booking/places';
const BOOK = '/api/v1/booking/bookings';
const MINE = '/api/v1/booking/bookings/mine';
const MISSING = '00000000-0000-4000-8000-000000000000';

/** A day at least three days ahead that is not a public holiday (the test place opens every weekday). */
function bookableDay(after = 3): string {
  let d = addDays(todayInSeoul(), after);
  while (isHoliday(d, { outsideTable: 'solar-only' })) d = addDays(d, 1);
  return d;
}
const at = (date: string, hour: number) => `${date}T${String(hour).padStart(2, '0')}:00:00+09:00`;
const iso = (date: string, hour: number) => new Date(at(date, hour)).toISOString();

describe.each(engines)('booking rooms on %s', (engine) => {
  let t: TestApp;
  let roomId: string;
  let staffRoomId: string;
  let approvalRoomId: string;
  let youth: Awaited<ReturnType<typeof signedInAs>>;
  let resident: Awaited<ReturnType<typeof signedInAs>>;
  let staff: Awaited<ReturnType<typeof signedInAs>>;
  const day = bookableDay();
  const body = (hour: number, hours = 1, extra: Record<string, unknown> = {}) => ({
    resourceId: roomId,
    start: at(day, hour),
    end: at(day, hour + hours),
    purpose: '영상 촬영',
    people: 2,
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    const organizationId = t.org.id;
    const [place] = await db
      .insert(bookingPlaces)
      .values({
        organizationId,
        code: 'test-place',
        nameKo: '시험 공간',
        nameEn: 'Test place',
        address: '서울 영등포구 당산로 1',
      })
      .returning();
    await db.insert(bookingOpeningHours).values(
      [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
        organizationId,
        placeId: place.id,
        weekday,
        opens: '09:00',
        closes: '21:00',
      })),
    );
    const resource = async (code: string, extra: Partial<typeof bookingResources.$inferInsert>) =>
      (
        await db
          .insert(bookingResources)
          .values({
            organizationId,
            placeId: place.id,
            code,
            nameKo: `방 ${code}`,
            nameEn: `Room ${code}`,
            kind: 'room',
            capacity: 3,
            audience: 'youth',
            ...extra,
          })
          .returning({ id: bookingResources.id })
      )[0].id;
    roomId = await resource('studio', { maxBookingsPerWeek: 50, maxMinutesPerDay: 720 });
    staffRoomId = await resource('car', { audience: 'staff', kind: 'vehicle' });
    approvalRoomId = await resource('hall', { audience: 'residents', approvalNeeded: true, capacity: 30 });
    youth = await signedInAs(t, ['resident', 'youth']);
    resident = await signedInAs(t, ['resident']);
    staff = await signedInAs(t, ['staff']);
  });
  afterAll(() => t?.close());

  it('refuses overlapping active rows in the database itself (exclusion constraint)', async () => {
    const db = t.database.db;
    const row = (status: 'confirmed' | 'requested' | 'blocked' | 'cancelled', from: number, to: number) => ({
      organizationId: t.org.id,
      resourceId: staffRoomId,
      period: sql`tstzrange(${at(day, from)}::timestamptz, ${at(day, to)}::timestamptz, '[)')`,
      status,
      purpose: 'direct',
      cancelledAt: status === 'cancelled' ? new Date() : null,
    });
    await db.insert(bookingBookings).values(row('confirmed', 9, 11));
    const refused = await db
      .insert(bookingBookings)
      .values(row('requested', 10, 12))
      .then(
        () => null,
        (e: { code?: string; cause?: { code?: string } }) => e.cause?.code ?? e.code,
      );
    expect(refused).toBe('23P01');
    const blocked = await db
      .insert(bookingBookings)
      .values(row('blocked', 10, 11))
      .then(
        () => null,
        (e: { code?: string; cause?: { code?: string } }) => e.cause?.code ?? e.code,
      );
    expect(blocked).toBe('23P01');
    // Touching ends do not overlap ([) ranges), and a cancelled row holds nothing.
    await db.insert(bookingBookings).values(row('confirmed', 11, 12));
    await db.insert(bookingBookings).values(row('cancelled', 9, 12));
    await db.delete(bookingBookings).where(eq(bookingBookings.resourceId, staffRoomId));
  });

  it('lists places and a day of slots to anyone', async () => {
    const anon = new TestClient(t.app);
    const places = await anon.get(PLACES);
    expect(places.statusCode).toBe(200);
    const place = places.json().items.find((p: { code: string }) => p.code === 'test-place');
    expect(place.resources.map((r: { id: string }) => r.id)).toContain(roomId);
    expect(place.hours).toHaveLength(7);
    const slots = await anon.get(`/api/v1/booking/resources/${roomId}/slots?date=${day}`);
    expect(slots.statusCode).toBe(200);
    expect(slots.json().days[0].slots).toHaveLength(12);
    expect(slots.json().days[0].slots[0]).toMatchObject({ start: iso(day, 9), state: 'free' });
    const week = await anon.get(`/api/v1/booking/resources/${roomId}/slots?date=${day}&days=7`);
    expect(week.json().days).toHaveLength(7);
    expect((await anon.get(`/api/v1/booking/resources/${MISSING}/slots?date=${day}`)).statusCode).toBe(404);
    expect((await anon.get(`/api/v1/booking/resources/${roomId}/slots?date=tomorrow`)).statusCode).toBe(400);
  });

  it("shuts public holidays and the place's closed dates, with the reason", async () => {
    let holiday = addDays(todayInSeoul(), 2);
    while (!isHoliday(holiday, { outsideTable: 'solar-only' })) holiday = addDays(holiday, 1);
    const anon = new TestClient(t.app);
    const shut = (await anon.get(`/api/v1/booking/resources/${roomId}/slots?date=${holiday}`)).json().days[0];
    expect(shut.slots).toEqual([]);
    expect(shut.closedReason).toBe(holidayName(holiday, 'ko', { outsideTable: 'solar-only' }));
    const refused = await youth.client.post(BOOK, {
      ...body(10),
      start: at(holiday, 10),
      end: at(holiday, 11),
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('booking_closed_day');

    const closedOn = addDays(day, 5);
    const [place] = await t.database.db
      .select({ id: bookingResources.placeId })
      .from(bookingResources)
      .where(eq(bookingResources.id, roomId));
    await t.database.db.insert(bookingClosedDates).values({
      organizationId: t.org.id,
      placeId: place.id,
      closedOn,
      reasonKo: '시설 점검',
      reasonEn: 'Building maintenance',
    });
    const closed = (await anon.get(`/api/v1/booking/resources/${roomId}/slots?date=${closedOn}`)).json()
      .days[0];
    expect(closed).toMatchObject({ closedReason: '시설 점검', slots: [] });
    const en = new TestClient(t.app, 'en');
    const closedEn = (await en.get(`/api/v1/booking/resources/${roomId}/slots?date=${closedOn}`)).json()
      .days[0];
    expect(closedEn.closedReason).toBe('Building maintenance');
    await t.database.db.delete(bookingClosedDates).where(eq(bookingClosedDates.closedOn, closedOn));
  });

  it('refuses every signed-in route to anonymous callers (401)', async () => {
    const anon = new TestClient(t.app);
    expect((await anon.post(BOOK, body(10))).statusCode).toBe(401);
    expect((await anon.get(MINE)).statusCode).toBe(401);
    expect((await anon.post(`${BOOK}/${MISSING}/cancel`)).statusCode).toBe(401);
    expect((await anon.get(`${BOOK}/${MISSING}/calendar.ics`)).statusCode).toBe(401);
    expect((await anon.get(`/api/v1/booking/staff/resources/${roomId}/bookings`)).statusCode).toBe(401);
    expect((await anon.get('/api/v1/booking/staff/waiting')).statusCode).toBe(401);
  });

  it('refuses the staff routes to a resident (403)', async () => {
    const c = resident.client;
    expect((await c.get(`/api/v1/booking/staff/resources/${roomId}/bookings`)).statusCode).toBe(403);
    expect((await c.get('/api/v1/booking/staff/waiting')).statusCode).toBe(403);
    expect(
      (await c.post(`/api/v1/booking/staff/bookings/${MISSING}/cancel`, { reason: '점검' })).statusCode,
    ).toBe(403);
    expect((await c.post(`/api/v1/booking/staff/bookings/${MISSING}/approve`)).statusCode).toBe(403);
    const blockBody = { resourceId: roomId, start: at(day, 9), end: at(day, 10), reason: '점검' };
    expect((await c.post('/api/v1/booking/staff/blocks', blockBody)).statusCode).toBe(403);
  });

  it('books, lists, downloads as .ics and cancels, with audit entries', async () => {
    const res = await youth.client.post(BOOK, body(10), { 'idempotency-key': randomUUID() });
    expect(res.statusCode).toBe(200);
    const booking = res.json();
    expect(booking).toMatchObject({
      resourceId: roomId,
      start: iso(day, 10),
      end: iso(day, 11),
      status: 'confirmed',
      cancellable: true,
    });
    const mine = await youth.client.get(MINE);
    expect(mine.json().items.map((b: { id: string }) => b.id)).toContain(booking.id);
    expect((await resident.client.get(MINE)).json().items).toEqual([]);

    const ics = await youth.client.get(`${BOOK}/${booking.id}/calendar.ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    expect(ics.headers['content-disposition']).toMatch(/attachment; filename="booking-[0-9a-f]{8}\.ics"/);
    const cal = parseCalendar(ics.body);
    expect(cal.zones).toContain('Asia/Seoul');
    expect(cal.events).toHaveLength(1);
    expect(cal.events[0]).toMatchObject({
      uid: `booking-${booking.id}@hamkke`,
      startZone: 'Asia/Seoul',
      location: '서울 영등포구 당산로 1',
    });
    expect(cal.events[0].start?.toISOString()).toBe(iso(day, 10));
    expect(cal.events[0].end?.toISOString()).toBe(iso(day, 11));
    expect(cal.events[0].startText).toContain('T100000');
    expect(cal.events[0].summary).toContain('방 studio');
    // Someone else's booking is not theirs to download or cancel.
    expect((await resident.client.get(`${BOOK}/${booking.id}/calendar.ics`)).statusCode).toBe(404);
    expect((await resident.client.post(`${BOOK}/${booking.id}/cancel`)).statusCode).toBe(404);

    const cancelled = await youth.client.post(`${BOOK}/${booking.id}/cancel`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancellable: false });
    expect((await youth.client.post(`${BOOK}/${booking.id}/cancel`)).statusCode).toBe(409);
    const actions = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, booking.id));
    expect(actions.map((a) => a.action).sort()).toEqual(['booking.book', 'booking.cancel']);
  });

  it("puts a person's coming bookings in their private calendar feed, and drops cancelled ones", async () => {
    const person = await signedInAs(t, ['youth']);
    try {
      const kept = (await person.client.post(BOOK, body(18))).json();
      const dropped = (await person.client.post(BOOK, body(19))).json();
      expect((await person.client.post(`${BOOK}/${dropped.id}/cancel`)).statusCode).toBe(200);
      const feed = await person.client.post('/api/v1/me/calendar-feed');
      expect(feed.statusCode).toBe(201);
      const url = new URL(feed.json().url);
      const file = await new TestClient(t.app).get(url.pathname + url.search);
      expect(file.statusCode).toBe(200);
      const uids = parseCalendar(file.body).events.map((e) => e.uid);
      expect(uids).toContain(`booking-${kept.id}@hamkke`);
      expect(uids).not.toContain(`booking-${dropped.id}@hamkke`);
    } finally {
      // The later tests count this room's bookings.
      await t.database.db.delete(bookingBookings).where(eq(bookingBookings.userId, person.user.id));
    }
  });

  it('replays a retried POST with the same Idempotency-Key instead of booking twice', async () => {
    const key = randomUUID();
    const first = await youth.client.post(BOOK, body(12), { 'idempotency-key': key });
    const again = await youth.client.post(BOOK, body(12), { 'idempotency-key': key });
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const rows = await t.database.db
      .select({ id: bookingBookings.id })
      .from(bookingBookings)
      .where(and(eq(bookingBookings.resourceId, roomId), eq(bookingBookings.status, 'confirmed')));
    expect(rows).toHaveLength(1);
  });

  it('answers a taken period with 409 in Korean and English and the nearest free slots', async () => {
    const other = await signedInAs(t, ['youth']);
    const ko = await other.client.post(BOOK, body(12));
    expect(ko.statusCode).toBe(409);
    expect(ko.json().error.code).toBe('booking_taken');
    expect(ko.json().error.message).toContain('이미 예약된 시간입니다');
    const nearest = ko.json().error.details.nearest;
    expect(nearest.map((p: { start: string }) => p.start)).toEqual([
      iso(day, 11),
      iso(day, 13),
      iso(day, 10),
    ]);
    other.client.lang = 'en';
    const en = await other.client.post(BOOK, body(11, 2));
    expect(en.statusCode).toBe(409);
    expect(en.json().error.message).toContain('already booked');
    // 12–13 is taken: 10–12 is an hour away; 09–11 and 13–15 two hours, the earlier first.
    expect(en.json().error.details.nearest).toEqual([
      { start: iso(day, 10), end: iso(day, 12) },
      { start: iso(day, 9), end: iso(day, 11) },
      { start: iso(day, 13), end: iso(day, 15) },
    ]);
  });

  it('refuses broken rules with 4xx in both languages', async () => {
    const res = (b: unknown, c = youth.client) => c.post(BOOK, b);
    const tooMany = await res(body(15, 1, { people: 9 }));
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().error.message).toBe('이 공간은 최대 3명까지 이용할 수 있습니다.');
    expect((await res(body(20, 2))).json().error.code).toBe('booking_outside_hours');
    expect(
      (await res({ ...body(15), start: `${day}T15:30:00+09:00`, end: `${day}T16:30:00+09:00` })).json().error
        .code,
    ).toBe('booking_off_grid');
    const past = addDays(todayInSeoul(), -1);
    expect((await res({ ...body(15), start: at(past, 15), end: at(past, 16) })).json().error.code).toBe(
      'booking_too_soon',
    );
    const far = addDays(todayInSeoul(), 40);
    expect((await res({ ...body(15), start: at(far, 15), end: at(far, 16) })).json().error.code).toBe(
      'booking_too_far_ahead',
    );
    const notYouth = await res(body(15), resident.client);
    expect(notYouth.statusCode).toBe(403);
    expect(notYouth.json().error.code).toBe('booking_not_for_you');
    expect((await res({ ...body(15), resourceId: staffRoomId }, youth.client)).statusCode).toBe(403);
    expect((await res({ ...body(15), resourceId: MISSING })).statusCode).toBe(404);
    const bad = await res({ ...body(15), purpose: '' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('purpose');
    youth.client.lang = 'en';
    expect((await res(body(15, 1, { people: 9 }))).json().error.message).toBe(
      'This space holds at most 3 people.',
    );
    youth.client.lang = 'ko';
  });

  it('lets exactly one of 30 parallel requests for one slot win; the rest get 409', async () => {
    const people = await Promise.all(Array.from({ length: 30 }, () => signedInAs(t, ['youth'])));
    const answers = await Promise.all(
      people.map((p) => p.client.post(BOOK, body(17), { 'idempotency-key': randomUUID() })),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(29);
    for (const a of answers.filter((x) => x.statusCode === 409))
      expect(a.json().error.code).toBe('booking_taken');
    const held = await t.database.db
      .select({ id: bookingBookings.id })
      .from(bookingBookings)
      .where(
        and(
          eq(bookingBookings.resourceId, roomId),
          sql`${bookingBookings.period} && tstzrange(${at(day, 17)}::timestamptz, ${at(day, 18)}::timestamptz)`,
          sql`${bookingBookings.status} in ('requested', 'confirmed', 'blocked')`,
        ),
      );
    expect(held).toHaveLength(1);
  });

  it('lets a person cancel only until the deadline before the start', async () => {
    const person = await signedInAs(t, ['youth']);
    // A week's notice: a booking three days ahead is already past its deadline.
    await t.database.db
      .update(bookingResources)
      .set({ cancelDeadlineMinutes: 7 * 24 * 60 })
      .where(eq(bookingResources.id, roomId));
    try {
      const made = (await person.client.post(BOOK, body(15))).json();
      expect(made.cancellable).toBe(false);
      const late = await person.client.post(`${BOOK}/${made.id}/cancel`);
      expect(late.statusCode).toBe(409);
      expect(late.json().error).toMatchObject({
        code: 'booking_cancel_too_late',
        message: '시작 10080분 전까지만 직접 취소할 수 있습니다. 담당자에게 연락해 주십시오.',
      });
      // Staff still can, with a reason.
      expect(
        (await staff.client.post(`/api/v1/booking/staff/bookings/${made.id}/cancel`, { reason: '본인 요청' }))
          .statusCode,
      ).toBe(200);
    } finally {
      await t.database.db
        .update(bookingResources)
        .set({ cancelDeadlineMinutes: 60 })
        .where(eq(bookingResources.id, roomId));
    }
  });

  it('holds the per-day and per-week limits', async () => {
    const person = await signedInAs(t, ['youth']);
    const tight = { maxMinutesPerDay: 120, maxBookingsPerWeek: 2 };
    await t.database.db.update(bookingResources).set(tight).where(eq(bookingResources.id, roomId));
    try {
      expect((await person.client.post(BOOK, body(9, 2))).statusCode).toBe(200);
      const dayLimit = await person.client.post(BOOK, body(19, 1));
      expect(dayLimit.json().error.code).toBe('booking_day_limit');
      const next = addDays(day, 1);
      expect(
        (await person.client.post(BOOK, { ...body(9), start: at(next, 9), end: at(next, 10) })).statusCode,
      ).toBe(200);
      const third = addDays(day, 2);
      const weekly = await person.client.post(BOOK, { ...body(9), start: at(third, 9), end: at(third, 10) });
      // The third day may fall in the next week (Monday starts one); then it is allowed.
      expect([200, 422]).toContain(weekly.statusCode);
      if (weekly.statusCode === 422) expect(weekly.json().error.code).toBe('booking_week_limit');
    } finally {
      await t.database.db
        .update(bookingResources)
        .set({ maxMinutesPerDay: 720, maxBookingsPerWeek: 50 })
        .where(eq(bookingResources.id, roomId));
    }
  });

  it('lets staff list, block, approve and cancel with a reason; the person is told', async () => {
    const list = await staff.client.get(
      `/api/v1/booking/staff/resources/${roomId}/bookings?from=${day}&days=1`,
    );
    expect(list.statusCode).toBe(200);
    const items = list.json().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((b: { bookedBy: string | null }) => b.bookedBy)).toBe(true);
    const logged = await t.database.db
      .select({ reason: personalDataAccessLog.reason })
      .from(personalDataAccessLog)
      .where(eq(personalDataAccessLog.actorUserId, staff.user.id));
    expect(logged.map((l) => l.reason)).toContain('booking.bookings.list');

    // A block over a booking is refused; over free time it holds, and then refuses bookings.
    const over = await staff.client.post('/api/v1/booking/staff/blocks', {
      resourceId: roomId,
      start: at(day, 12),
      end: at(day, 14),
      reason: '점검',
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe('booking_block_overlaps');
    const blocked = await staff.client.post('/api/v1/booking/staff/blocks', {
      resourceId: roomId,
      start: at(day, 14),
      end: at(day, 16),
      reason: '에어컨 점검',
    });
    expect(blocked.statusCode).toBe(200);
    expect((await youth.client.post(BOOK, body(15))).json().error.code).toBe('booking_taken');

    // Approval: a room that needs it is "requested" and shows in the staff queue.
    const asked = await resident.client.post(BOOK, { ...body(10), resourceId: approvalRoomId, people: 20 });
    expect(asked.statusCode).toBe(200);
    expect(asked.json().status).toBe('requested');
    const waiting = await staff.client.get('/api/v1/booking/staff/waiting');
    expect(waiting.json().items.map((b: { id: string }) => b.id)).toContain(asked.json().id);
    const queues = await staff.client.get('/api/v1/staff/queues');
    if (queues.statusCode === 200) expect(JSON.stringify(queues.json())).toContain('booking.approvals');
    expect(
      (await staff.client.post(`/api/v1/booking/staff/bookings/${asked.json().id}/approve`)).statusCode,
    ).toBe(200);
    expect((await resident.client.get(MINE)).json().items[0].status).toBe('confirmed');

    const cancel = await staff.client.post(`/api/v1/booking/staff/bookings/${asked.json().id}/cancel`, {
      reason: '행사 일정 변경',
    });
    expect(cancel.statusCode).toBe(200);
    const after = (await resident.client.get(MINE)).json().items[0];
    expect(after).toMatchObject({ status: 'cancelled', cancelReason: '행사 일정 변경' });
    const [note] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from outbox where user_id = ${resident.user.id} and kind = 'booking.changed'`,
    );
    expect(Number(note.n)).toBe(2);
    expect(
      (await staff.client.post(`/api/v1/booking/staff/bookings/${MISSING}/cancel`, { reason: 'x' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await staff.client.post(`/api/v1/booking/staff/bookings/${asked.json().id}/cancel`, { reason: '' }))
        .statusCode,
    ).toBe(400);
  });

  it("lets staff book for a person by email, past the person's rules; the person is told", async () => {
    const far = addDays(todayInSeoul(), 45); // beyond the 30-day window people have
    const forResident = { ...body(10), start: at(far, 10), end: at(far, 11), email: resident.email };
    expect((await resident.client.post('/api/v1/booking/staff/bookings', forResident)).statusCode).toBe(403);
    expect((await new TestClient(t.app).post('/api/v1/booking/staff/bookings', forResident)).statusCode).toBe(
      401,
    );
    const made = await staff.client.post('/api/v1/booking/staff/bookings', forResident);
    expect(made.statusCode).toBe(200);
    expect(made.json().status).toBe('confirmed');
    const mine = (await resident.client.get(MINE)).json().items.map((b: { id: string }) => b.id);
    expect(mine).toContain(made.json().id);
    const [note] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from outbox where user_id = ${resident.user.id} and kind = 'booking.changed'`,
    );
    expect(Number(note.n)).toBeGreaterThanOrEqual(1);
    const unknown = await staff.client.post('/api/v1/booking/staff/bookings', {
      ...forResident,
      email: 'nobody@example.com',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('booking_person_not_found');
    const taken = await staff.client.post('/api/v1/booking/staff/bookings', forResident);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('booking_taken');
    const other = await createOtherOrganization(t);
    const outsider = await signedInAtOrganization(t, other, ['youth']);
    const elsewhere = await staff.client.post('/api/v1/booking/staff/bookings', {
      ...forResident,
      start: at(far, 12),
      end: at(far, 13),
      email: outsider.email,
    });
    expect(elsewhere.statusCode).toBe(404);
  });

  it("hides one organization's resources and bookings from another's staff and people", async () => {
    const other = await createOtherOrganization(t);
    const otherStaff = await signedInAtOrganization(t, other, ['staff']);
    const otherYouth = await signedInAtOrganization(t, other, ['youth']);
    expect(
      (await otherStaff.client.get(`/api/v1/booking/staff/resources/${roomId}/bookings`)).statusCode,
    ).toBe(404);
    expect((await otherStaff.client.get('/api/v1/booking/staff/waiting')).json().items).toEqual([]);
    expect((await otherYouth.client.post(BOOK, body(19))).statusCode).toBe(404);
    expect(
      (await otherYouth.client.get(`/api/v1/booking/resources/${roomId}/slots?date=${day}`)).statusCode,
    ).toBe(404);
    expect((await otherYouth.client.get(PLACES)).json().items).toEqual([]);
    const [mine] = (await youth.client.get(MINE)).json().items;
    if (mine) {
      expect(
        (await otherStaff.client.post(`/api/v1/booking/staff/bookings/${mine.id}/cancel`, { reason: '점검' }))
          .statusCode,
      ).toBe(404);
      expect((await otherYouth.client.get(`${BOOK}/${mine.id}/calendar.ics`)).statusCode).toBe(404);
    }
  });

  it("exports a person's bookings with their data, and on account deletion frees their coming bookings", async () => {
    const person = await signedInAs(t, ['youth']);
    const made = await person.client.post(BOOK, body(20));
    expect(made.statusCode).toBe(200);
    const exported = await person.client.get('/api/v1/me/export');
    expect(exported.statusCode).toBe(200);
    expect(JSON.stringify(exported.json())).toContain('영상 촬영');
    const gone = await person.client.post('/api/v1/me/delete', {
      password: person.password,
      confirm: 'DELETE',
    });
    expect(gone.statusCode).toBe(200);
    const [row] = await t.database.db
      .select({ userId: bookingBookings.userId, status: bookingBookings.status })
      .from(bookingBookings)
      .where(eq(bookingBookings.id, made.json().id));
    expect(row).toEqual({ userId: null, status: 'cancelled' });
    const slots = await new TestClient(t.app).get(`/api/v1/booking/resources/${roomId}/slots?date=${day}`);
    expect(slots.json().days[0].slots.find((s: { start: string }) => s.start === iso(day, 20)).state).toBe(
      'free',
    );
  });

  it("loads the report's places, rooms and a week of sample bookings, and again without duplicates", async () => {
    await buildBooking(t.database.db, t.org.id);
    await buildBooking(t.database.db, t.org.id);
    const items = (await new TestClient(t.app).get(PLACES)).json().items as Array<{
      code: string;
      name: string;
      hours: unknown[];
      resources: Array<{ code: string; audience: string }>;
    }>;
    const demoCodes = items.map((p) => p.code).filter((c) => c !== 'test-place');
    expect(demoCodes).toEqual([
      'zero-gravity-zone',
      'social-economy-center',
      'youth-architecture-school',
      'division-vehicle',
    ]);
    const zone = items.find((p) => p.code === 'zero-gravity-zone');
    expect(zone?.name).toBe('무중력지대-영등포');
    expect(zone?.hours).toEqual(
      expect.arrayContaining([
        { weekday: 1, opens: '10:00', closes: '22:00' },
        { weekday: 6, opens: '10:00', closes: '18:00' },
      ]),
    );
    expect(zone?.resources.map((r) => r.code)).toContain('zgz-media-studio');
    expect(items.find((p) => p.code === 'division-vehicle')?.resources[0].audience).toBe('staff');
    const samples = await t.database.db
      .select({ id: bookingBookings.id })
      .from(bookingBookings)
      .where(and(eq(bookingBookings.organizationId, t.org.id), eq(bookingBookings.isSample, true)));
    expect(samples.length).toBeGreaterThanOrEqual(10);
  });
});
