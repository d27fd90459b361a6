import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { auditLog } from '../../platform/audit/tables.ts';
import { addDays, isHoliday, todayInSeoul } from '../../platform/time/index.ts';
import { bookingBookings, bookingOpeningHours, bookingPlaces, bookingResources } from './tables.ts';

const BOOK = '/api/v1/booking/bookings';
const RESOURCE = '/api/v1/booking/staff/resources';
const PLACE = '/api/v1/booking/staff/places';

function bookableDay(after: number): string {
  let d = addDays(todayInSeoul(), after);
  while (isHoliday(d, { outsideTable: 'solar-only' })) d = addDays(d, 1);
  return d;
}
const at = (date: string, hour: number) => `${date}T${String(hour).padStart(2, '0')}:00:00+09:00`;

const rules = {
  audience: 'residents',
  capacity: 4,
  slotMinutes: 60,
  maxMinutesPerDay: 180,
  maxBookingsPerWeek: 5,
  opensDaysAhead: 30,
  closesMinutesBefore: 60,
  approvalNeeded: false,
  cancelDeadlineMinutes: 60,
  noShowMinutes: 10,
};

describe.each(engines)('staff set booking rules, hours and closed dates on %s', (engine) => {
  let t: TestApp;
  let placeId: string;
  let roomId: string;
  let staff: Awaited<ReturnType<typeof signedInAs>>;
  let resident: Awaited<ReturnType<typeof signedInAs>>;
  const day = bookableDay(3);
  const body = (hour: number) => ({
    resourceId: roomId,
    start: at(day, hour),
    end: at(day, hour + 1),
    purpose: '회의',
    people: 2,
  });

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    const organizationId = t.org.id;
    const [place] = await db
      .insert(bookingPlaces)
      .values({ organizationId, code: 'admin-place', nameKo: '관리 시험 장소', nameEn: 'Admin test place' })
      .returning();
    placeId = place.id;
    await db.insert(bookingOpeningHours).values(
      [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
        organizationId,
        placeId,
        weekday,
        opens: '09:00',
        closes: '21:00',
      })),
    );
    [{ id: roomId }] = await db
      .insert(bookingResources)
      .values({
        organizationId,
        placeId,
        code: 'meeting',
        nameKo: '회의실',
        nameEn: 'Meeting room',
        kind: 'room',
        capacity: 4,
        audience: 'residents',
        maxMinutesPerDay: 180,
      })
      .returning({ id: bookingResources.id });
    staff = await signedInAs(t, ['staff']);
    resident = await signedInAs(t, ['resident']);
  });
  afterAll(() => t?.close());

  it('refuses anonymous callers (401) and residents (403)', async () => {
    const anon = new TestClient(t.app);
    expect((await anon.get(`${RESOURCE}/${roomId}`)).statusCode).toBe(401);
    expect((await anon.put(`${RESOURCE}/${roomId}`, rules)).statusCode).toBe(401);
    expect((await anon.get(`${PLACE}/${placeId}`)).statusCode).toBe(401);
    const c = resident.client;
    expect((await c.get(`${RESOURCE}/${roomId}`)).statusCode).toBe(403);
    expect((await c.put(`${RESOURCE}/${roomId}`, rules)).statusCode).toBe(403);
    expect((await c.get(`${PLACE}/${placeId}`)).statusCode).toBe(403);
    expect((await c.put(`${PLACE}/${placeId}/hours`, { hours: [] })).statusCode).toBe(403);
    const closed = { from: day, to: day, reasonKo: '점검', reasonEn: 'Maintenance' };
    expect((await c.post(`${PLACE}/${placeId}/closed-dates`, closed)).statusCode).toBe(403);
    expect((await c.delete(`${PLACE}/${placeId}/closed-dates/${day}`)).statusCode).toBe(403);
  });

  it('refuses inconsistent rules with 400 in Korean and English', async () => {
    const ko = await staff.client.put(`${RESOURCE}/${roomId}`, { ...rules, maxMinutesPerDay: 90 });
    expect(ko.statusCode).toBe(400);
    expect(JSON.stringify(ko.json())).toContain('하루 최대 이용 시간은 예약 단위의 배수여야 합니다.');
    const en = new TestClient(t.app, 'en');
    en.cookies = staff.client.cookies;
    en.csrfToken = staff.client.csrfToken;
    const window = await en.put(`${RESOURCE}/${roomId}`, {
      ...rules,
      opensDaysAhead: 1,
      closesMinutesBefore: 2000,
    });
    expect(window.statusCode).toBe(400);
    expect(JSON.stringify(window.json())).toContain('Booking must close after it opens.');
    expect((await en.put(`${RESOURCE}/${roomId}`, { ...rules, capacity: 0 })).statusCode).toBe(400);
    const hours = await en.put(`${PLACE}/${placeId}/hours`, {
      hours: [{ weekday: 1, opens: '18:00', closes: '09:00' }],
    });
    expect(hours.statusCode).toBe(400);
    expect(JSON.stringify(hours.json())).toContain('Closing time must come after opening time.');
    const range = await staff.client.post(`${PLACE}/${placeId}/closed-dates`, {
      from: day,
      to: addDays(day, -1),
      reasonKo: '점검',
      reasonEn: 'x',
    });
    expect(range.statusCode).toBe(400);
    expect(JSON.stringify(range.json())).toContain('끝나는 날은 시작하는 날과 같거나 뒤여야 합니다.');
    const [row] = await t.database.db.select().from(bookingResources).where(eq(bookingResources.id, roomId));
    expect(row.maxMinutesPerDay).toBe(180);
  });

  it('a lower daily limit refuses the next booking at once, and the booking already made survives', async () => {
    const first = await resident.client.post(BOOK, body(10));
    expect(first.statusCode).toBe(200);
    const bookingId = first.json().id;
    const edit = await staff.client.put(`${RESOURCE}/${roomId}`, {
      ...rules,
      maxMinutesPerDay: 60,
      capacity: 2,
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({ maxMinutesPerDay: 60, capacity: 2, name: '회의실' });
    // Residents see the new rules at once.
    const slots = await new TestClient(t.app).get(`/api/v1/booking/resources/${roomId}/slots?date=${day}`);
    expect(slots.json().resource).toMatchObject({ maxMinutesPerDay: 60, capacity: 2 });
    const second = await resident.client.post(BOOK, body(12));
    expect(second.statusCode).toBe(422);
    expect(second.json().error.code).toBe('booking_day_limit');
    const [kept] = await t.database.db
      .select()
      .from(bookingBookings)
      .where(eq(bookingBookings.id, bookingId));
    expect(kept.status).toBe('confirmed');
    const audit = await t.database.db
      .select({ data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'booking.rules_change'), eq(auditLog.targetId, roomId)));
    expect(audit).toHaveLength(1);
    expect(audit[0].data).toMatchObject({ maxMinutesPerDay: { from: 180, to: 60 } });
  });

  it('closed dates and new hours change the slots; bookings on them stay', async () => {
    const closedDay = bookableDay(6);
    const booked = await staff.client.post(BOOK, {
      ...body(10),
      start: at(closedDay, 10),
      end: at(closedDay, 11),
    });
    expect(booked.statusCode).toBe(200);
    const add = await staff.client.post(`${PLACE}/${placeId}/closed-dates`, {
      from: closedDay,
      to: addDays(closedDay, 1),
      reasonKo: '시설 점검',
      reasonEn: 'Building maintenance',
    });
    expect(add.statusCode).toBe(200);
    expect(add.json().closedDates.map((c: { date: string }) => c.date)).toEqual([
      closedDay,
      addDays(closedDay, 1),
    ]);
    const anon = new TestClient(t.app);
    const shut = (await anon.get(`/api/v1/booking/resources/${roomId}/slots?date=${closedDay}`)).json()
      .days[0];
    expect(shut).toMatchObject({ closedReason: '시설 점검', slots: [] });
    const refused = await resident.client.post(BOOK, {
      ...body(14),
      start: at(addDays(closedDay, 1), 14),
      end: at(addDays(closedDay, 1), 15),
    });
    expect(refused.json().error.code).toBe('booking_closed_day');
    const [kept] = await t.database.db
      .select()
      .from(bookingBookings)
      .where(eq(bookingBookings.id, booked.json().id));
    expect(kept.status).toBe('confirmed');

    expect(
      (await staff.client.delete(`${PLACE}/${placeId}/closed-dates/${addDays(closedDay, 1)}`)).statusCode,
    ).toBe(200);
    expect(
      (await staff.client.delete(`${PLACE}/${placeId}/closed-dates/${addDays(closedDay, 1)}`)).statusCode,
    ).toBe(404);
    const place = (await staff.client.get(`${PLACE}/${placeId}`)).json();
    expect(place.closedDates.map((c: { date: string }) => c.date)).toEqual([closedDay]);

    // Hours: only 13:00 to 15:00 on every day; the rest of the week is closed.
    const week = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: '13:00', closes: '15:00' }));
    const hours = await staff.client.put(`${PLACE}/${placeId}/hours`, { hours: week });
    expect(hours.statusCode).toBe(200);
    expect(hours.json().hours[0]).toEqual({ weekday: 0, opens: '13:00', closes: '15:00' });
    const narrow = (await anon.get(`/api/v1/booking/resources/${roomId}/slots?date=${day}`)).json().days[0];
    expect(narrow.slots).toHaveLength(2);
    const none = await staff.client.put(`${PLACE}/${placeId}/hours`, { hours: [] });
    expect(none.json().hours).toEqual([]);
    const actions = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, placeId));
    expect(actions.map((a) => a.action).sort()).toEqual([
      'booking.closed_add',
      'booking.closed_remove',
      'booking.hours_change',
      'booking.hours_change',
    ]);
  });
});
