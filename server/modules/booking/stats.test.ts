import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingStats, ResourceStats } from '../../../contracts/booking-stats.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { addDays, todayInSeoul } from '../../platform/time/index.ts';
import {
  bookingBookings,
  bookingClosedDates,
  bookingOpeningHours,
  bookingPlaces,
  bookingResources,
} from './tables.ts';

// Staff usage statistics against hand-computable fixtures, on both engines (the hour buckets are
// cut in SQL): one place open 10:00–22:00 every day, a range of two Korean days of which the second
// is a closed day, so 12 open hours per room.

const STATS = '/api/v1/booking/staff/stats';
const DAY = '2026-03-10'; // a Tuesday, no public holiday
const CLOSED = '2026-03-11';
const PURPOSE = '비밀 목적 문구';

describe.each(engines)('booking usage statistics on %s', (engine) => {
  let t: TestApp;
  let roomA: string;
  let roomB: string;
  let staff: Awaited<ReturnType<typeof signedInAs>>;
  let resident: Awaited<ReturnType<typeof signedInAs>>;
  const userId = randomUUID();

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    const organizationId = t.org.id;
    const [place] = await db
      .insert(bookingPlaces)
      .values({ organizationId, code: 'stats-place', nameKo: '통계 공간', nameEn: 'Stats place' })
      .returning();
    await db.insert(bookingOpeningHours).values(
      [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
        organizationId,
        placeId: place.id,
        weekday,
        opens: '10:00',
        closes: '22:00',
      })),
    );
    await db.insert(bookingClosedDates).values({ organizationId, placeId: place.id, closedOn: CLOSED });
    const room = async (code: string, sortOrder: number) =>
      (
        await db
          .insert(bookingResources)
          .values({
            organizationId,
            placeId: place.id,
            code,
            nameKo: `회의실 ${code.slice(-1).toUpperCase()}`,
            nameEn: `Meeting room ${code.slice(-1).toUpperCase()}`,
            kind: 'room',
            capacity: 6,
            audience: 'residents',
            sortOrder,
          })
          .returning({ id: bookingResources.id })
      )[0].id;
    roomA = await room('room-a', 1);
    roomB = await room('room-b', 2);
    staff = await signedInAs(t, ['staff']);
    resident = await signedInAs(t, ['resident']);
    const row = (
      resourceId: string,
      day: string,
      from: string,
      to: string,
      status: 'confirmed' | 'cancelled' | 'blocked' | 'requested',
      noShow = false,
    ) => ({
      organizationId,
      resourceId,
      userId: status === 'blocked' ? null : resident.user.id,
      period: sql`tstzrange(${`${day}T${from}:00+09:00`}::timestamptz, ${`${day}T${to}:00+09:00`}::timestamptz, '[)')`,
      status,
      purpose: PURPOSE,
      cancelledAt: status === 'cancelled' ? new Date() : null,
      noShowAt: noShow ? new Date() : null,
    });
    await db.insert(bookingBookings).values([
      // Room A: two confirmed bookings of 2 h (one a no-show), one cancelled, one block.
      row(roomA, DAY, '10:00', '12:00', 'confirmed'),
      row(roomA, DAY, '14:00', '16:00', 'confirmed', true),
      row(roomA, DAY, '18:00', '20:00', 'cancelled'),
      row(roomA, DAY, '20:00', '22:00', 'blocked'),
      // Outside the range: the day after the closed day.
      row(roomA, addDays(CLOSED, 1), '10:00', '12:00', 'confirmed'),
      // Room B: one hour across a whole hour, and a request awaiting approval.
      row(roomB, DAY, '16:30', '17:30', 'confirmed'),
      row(roomB, DAY, '12:00', '13:00', 'requested'),
    ]);
  });
  afterAll(() => t?.close());

  const statsOf = async (query = `?from=${DAY}&to=${CLOSED}`) => {
    const res = await staff.client.get(`${STATS}${query}`);
    expect(res.statusCode).toBe(200);
    return res.json() as BookingStats;
  };
  const resourceOf = (s: BookingStats, id: string) => s.resources.find((r) => r.id === id) as ResourceStats;

  it('counts booked hours against the open hours of the place calendar, by hour and weekday', async () => {
    const s = await statsOf();
    expect([s.from, s.to]).toEqual([DAY, CLOSED]);
    const a = resourceOf(s, roomA);
    expect(a.name).toBe('회의실 A');
    expect(a.placeName).toBe('통계 공간');
    // Open 10–22 on the 10th, closed on the 11th: 12 h. Booked 2 + 2 h (the no-show still held it).
    expect(a.openHours).toBe(12);
    expect(a.bookedHours).toBe(4);
    expect(a.occupancy).toBe(33.3);
    const byHour = Object.fromEntries(a.byHour.map((h) => [h.hour, h.occupancy]));
    expect(a.byHour).toHaveLength(24);
    expect([byHour[10], byHour[11], byHour[14], byHour[15]]).toEqual([100, 100, 100, 100]);
    expect([byHour[12], byHour[18], byHour[20], byHour[21]]).toEqual([0, 0, 0, 0]);
    expect([byHour[9], byHour[22]]).toEqual([null, null]);
    expect(a.byHour[10]).toEqual({ hour: 10, bookedHours: 1, openHours: 1, occupancy: 100 });
    // Tuesday (2) holds it all; Wednesday (3) was the closed day.
    expect(a.byWeekday[2]).toEqual({ weekday: 2, bookedHours: 4, openHours: 12, occupancy: 33.3 });
    expect(a.byWeekday[3]).toEqual({ weekday: 3, bookedHours: 0, openHours: 0, occupancy: null });
    // Three bookings start in the range (the block is not one), one cancelled, one no-show of two ended.
    expect([a.bookings, a.cancellations, a.noShows, a.endedConfirmed]).toEqual([3, 1, 1, 2]);
    expect(a.noShowRate).toBe(50);

    const b = resourceOf(s, roomB);
    // 16:30–17:30 falls half in hour 16, half in hour 17; the request awaiting approval holds nothing.
    expect(b.bookedHours).toBe(1);
    expect(b.occupancy).toBe(8.3);
    expect(b.byHour[16]).toEqual({ hour: 16, bookedHours: 0.5, openHours: 1, occupancy: 50 });
    expect(b.byHour[17].occupancy).toBe(50);
    expect(b.byHour[12].occupancy).toBe(0);
    expect([b.bookings, b.cancellations, b.noShows, b.endedConfirmed, b.noShowRate]).toEqual([2, 0, 0, 1, 0]);

    // Counts only: no purpose, no person.
    const text = JSON.stringify(s);
    expect(text).not.toContain(PURPOSE);
    expect(text).not.toContain(resident.user.id);
    expect(text).not.toContain(userId);
  });

  it('answers in English and defaults to the last four weeks', async () => {
    const en = new TestClient(t.app, 'en');
    en.cookies = staff.client.cookies;
    const res = await en.get(`${STATS}?from=${DAY}&to=${DAY}`);
    expect(res.statusCode).toBe(200);
    const a = resourceOf(res.json() as BookingStats, roomA);
    expect([a.name, a.placeName, a.openHours]).toEqual(['Meeting room A', 'Stats place', 12]);
    const today = todayInSeoul();
    const s = await statsOf('');
    expect([s.from, s.to]).toEqual([addDays(today, -27), today]);
  });

  it('refuses a range backwards, longer than a year or half given, with field messages', async () => {
    const backwards = await staff.client.get(`${STATS}?from=${CLOSED}&to=${DAY}`);
    expect(backwards.statusCode).toBe(400);
    expect(JSON.stringify(backwards.json())).toContain('종료일은 시작일과 같거나 뒤여야 합니다.');
    const en = new TestClient(t.app, 'en');
    en.cookies = staff.client.cookies;
    const long = await en.get(`${STATS}?from=2025-01-01&to=2026-01-02`);
    expect(long.statusCode).toBe(400);
    expect(JSON.stringify(long.json())).toContain('at most one year (366 days)');
    // Exactly 366 days is allowed.
    expect((await en.get(`${STATS}?from=2025-01-01&to=2026-01-01`)).statusCode).toBe(200);
    const half = await staff.client.get(`${STATS}?from=${DAY}`);
    expect(half.statusCode).toBe(400);
    expect(JSON.stringify(half.json())).toContain('시작일과 종료일을 함께 입력해 주십시오.');
    expect((await staff.client.get(`${STATS}?from=2026-02-30&to=${DAY}`)).statusCode).toBe(400);
  });

  it('refuses anonymous people (401) and residents (403)', async () => {
    expect((await new TestClient(t.app).get(STATS)).statusCode).toBe(401);
    expect((await resident.client.get(STATS)).statusCode).toBe(403);
  });
});
