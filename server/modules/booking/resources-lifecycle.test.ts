import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { createOtherOrganization, signedInAtOrganization } from '../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { auditLog } from '../../platform/audit/tables.ts';
import { addDays, isHoliday, todayInSeoul } from '../../platform/time/index.ts';
import { bookingBookings, bookingOpeningHours, bookingPlaces } from './tables.ts';

const CREATE = '/api/v1/booking/staff/resources';
const BOOK = '/api/v1/booking/bookings';

function bookableDay(after: number): string {
  let d = addDays(todayInSeoul(), after);
  while (isHoliday(d, { outsideTable: 'solar-only' })) d = addDays(d, 1);
  return d;
}
const at = (date: string, hour: number) => `${date}T${String(hour).padStart(2, '0')}:00:00+09:00`;

const rules = {
  audience: 'residents',
  capacity: 6,
  slotMinutes: 60,
  maxMinutesPerDay: 180,
  maxBookingsPerWeek: 5,
  opensDaysAhead: 30,
  closesMinutesBefore: 60,
  approvalNeeded: false,
  cancelDeadlineMinutes: 60,
  noShowMinutes: 10,
};

describe.each(engines)('staff add and retire resources on %s', (engine) => {
  let t: TestApp;
  let placeId: string;
  let staff: Awaited<ReturnType<typeof signedInAs>>;
  let resident: Awaited<ReturnType<typeof signedInAs>>;
  const body = () => ({ placeId, nameKo: '세미나실', nameEn: 'Seminar room', kind: 'room', rules });

  beforeAll(async () => {
    t = await createTestApp(engine);
    const organizationId = t.org.id;
    const [place] = await t.database.db
      .insert(bookingPlaces)
      .values({ organizationId, code: 'life-place', nameKo: '수명 시험 장소', nameEn: 'Lifecycle place' })
      .returning();
    placeId = place.id;
    await t.database.db.insert(bookingOpeningHours).values(
      [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
        organizationId,
        placeId,
        weekday,
        opens: '09:00',
        closes: '21:00',
      })),
    );
    [staff, resident] = await Promise.all([signedInAs(t, ['staff']), signedInAs(t, ['resident'])]);
  });
  afterAll(() => t?.close());

  it('staff add a room residents can book at once; retiring keeps its bookings and refuses new ones', async () => {
    const created = await staff.client.post(CREATE, body());
    expect(created.statusCode, created.body).toBe(200);
    const room = created.json();
    expect(room).toMatchObject({ name: '세미나실', kind: 'room', capacity: 6, placeId });
    const places = (await resident.client.get('/api/v1/booking/places')).json();
    const listed = places.items.flatMap((p: { resources: { id: string }[] }) => p.resources.map((r) => r.id));
    expect(listed).toContain(room.id);

    const day = bookableDay(3);
    const booking = { resourceId: room.id, start: at(day, 10), end: at(day, 11), purpose: '모임', people: 3 };
    const booked = await resident.client.post(BOOK, booking);
    expect(booked.statusCode, booked.body).toBe(200);

    const retired = await staff.client.post(`${CREATE}/${room.id}/retire`);
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json()).toEqual({ id: room.id, bookingsAhead: 1 });
    // The booking stays; a new one is refused; the room is gone from the lists; retiring twice is a 404.
    const kept = await t.database.db
      .select()
      .from(bookingBookings)
      .where(eq(bookingBookings.resourceId, room.id));
    expect(kept).toHaveLength(1);
    expect(kept[0].status).toBe('confirmed');
    const again = await resident.client.post(BOOK, { ...booking, start: at(day, 12), end: at(day, 13) });
    expect(again.statusCode).toBe(404);
    const after = (await resident.client.get('/api/v1/booking/places')).json();
    expect(
      after.items.flatMap((p: { resources: { id: string }[] }) => p.resources.map((r) => r.id)),
    ).not.toContain(room.id);
    expect((await staff.client.post(`${CREATE}/${room.id}/retire`)).statusCode).toBe(404);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, room.id), eq(auditLog.action, 'booking.resource_retire')));
    expect(audit).toHaveLength(1);
  });

  it('refuses anonymous people (401), residents (403) and another organization (404)', async () => {
    const anon = new TestClient(t.app);
    expect((await anon.post(CREATE, body())).statusCode).toBe(401);
    const room = (await staff.client.post(CREATE, body())).json();
    expect((await anon.post(`${CREATE}/${room.id}/retire`)).statusCode).toBe(401);
    expect((await resident.client.post(CREATE, body())).statusCode).toBe(403);
    expect((await resident.client.post(`${CREATE}/${room.id}/retire`)).statusCode).toBe(403);
    const other = await createOtherOrganization(t);
    const otherStaff = await signedInAtOrganization(t, other, ['staff']);
    expect((await otherStaff.client.post(`${CREATE}/${room.id}/retire`)).statusCode).toBe(404);
    // Another organization's place cannot take a resource.
    expect((await otherStaff.client.post(CREATE, body())).statusCode).toBe(404);
  });

  it('refuses bad input with 400 in Korean and English', async () => {
    const ko = await staff.client.post(CREATE, { ...body(), nameKo: '' });
    expect(ko.statusCode).toBe(400);
    const inconsistent = await staff.client.post(CREATE, {
      ...body(),
      rules: { ...rules, maxMinutesPerDay: 90 },
    });
    expect(inconsistent.statusCode).toBe(400);
    expect(JSON.stringify(inconsistent.json())).toContain(
      '하루 최대 이용 시간은 예약 단위의 배수여야 합니다.',
    );
    const en = new TestClient(t.app, 'en');
    en.cookies = staff.client.cookies;
    en.csrfToken = staff.client.csrfToken;
    const kind = await en.post(CREATE, { ...body(), kind: 'spaceship' });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.details).toBeDefined();
    expect((await staff.client.post(`${CREATE}/not-a-uuid/retire`)).statusCode).toBe(400);
  });
});
