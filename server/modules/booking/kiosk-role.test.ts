import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { engines } from '../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../tests/helpers/users.ts';
import { allModules } from '../../composition.ts';
import type { Role, SignedInActor } from '../../platform/access/actor.ts';
import { users } from '../../platform/auth/tables.ts';
import { bookingBookings, bookingPlaces, bookingResources } from './tables.ts';

// The least-privilege kiosk account (issue 10): an account holding only the 'kiosk' role checks
// people in at a place's kiosk and is refused everything staff may do and every personal-data read.

const MIN = 60_000;

describe('the kiosk role in the policies', () => {
  it('allows the kiosk check-in and no other action of any module', () => {
    const kioskActor: SignedInActor = {
      signedIn: true,
      userId: randomUUID(),
      sessionId: 'kiosk-session',
      organizationId: randomUUID(),
      roles: new Set<Role>(['kiosk']),
    };
    const allowed: string[] = [];
    let asked = 0;
    for (const m of allModules)
      for (const rules of m.policies ?? [])
        for (const [action, rule] of Object.entries(rules)) {
          // A policy about a resource is asked with none: it must not let a kiosk through either way.
          let yes = false;
          asked += 1;
          try {
            yes = rule(kioskActor) === true;
          } catch {
            yes = false;
          }
          if (yes) allowed.push(action);
        }
    expect(asked).toBeGreaterThan(20); // every module's policies were asked (staff, admin, governance…)
    expect(allowed).toEqual(['booking.kiosk.check_in']);
  });
});

describe.each(engines)('the kiosk role on %s', (engine) => {
  let t: TestApp;
  let kiosk: Awaited<ReturnType<typeof signedInAs>>;
  let person: Awaited<ReturnType<typeof signedInAs>>;
  let placeId: string;
  let resourceId: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    const [place] = await db
      .insert(bookingPlaces)
      .values({
        organizationId: t.org.id,
        code: 'kiosk-place',
        nameKo: '무중력지대 대방동',
        nameEn: 'Zero Gravity',
      })
      .returning();
    placeId = place.id;
    [{ id: resourceId }] = await db
      .insert(bookingResources)
      .values({
        organizationId: t.org.id,
        placeId,
        code: 'kiosk-room',
        nameKo: '세미나실',
        nameEn: 'Seminar room',
        kind: 'room',
        capacity: 10,
        audience: 'residents',
      })
      .returning({ id: bookingResources.id });
    [kiosk, person] = await Promise.all([signedInAs(t, ['kiosk']), signedInAs(t, ['resident'])]);
    await db.update(users).set({ displayName: '홍길동' }).where(eq(users.id, person.user.id));
  });
  afterAll(() => t?.close());

  it('is refused (403) at staff lists, roll calls, user admin, the audit and access logs', async () => {
    const id = randomUUID();
    const refused: [string, string][] = [
      ['GET', '/api/v1/booking/staff/today'],
      ['GET', '/api/v1/booking/staff/waiting'],
      ['GET', '/api/v1/booking/staff/appeals'],
      ['GET', `/api/v1/booking/staff/resources/${resourceId}/bookings`],
      ['GET', `/api/v1/booking/staff/programs/${id}/registrations`],
      ['GET', `/api/v1/booking/staff/programs/${id}/sessions/${id}/attendance`],
      ['POST', '/api/v1/booking/staff/bookings'],
      ['POST', '/api/v1/booking/staff/check-in'],
      ['GET', '/api/v1/staff/queues'],
      ['GET', '/api/v1/youth/staff/policies'],
      ['GET', '/api/v1/admin/users'],
      ['GET', `/api/v1/admin/users/${person.user.id}`],
      ['POST', `/api/v1/admin/users/${kiosk.user.id}/roles`],
      ['GET', '/api/v1/admin/audit'],
      ['GET', '/api/v1/admin/personal-data-access-log'],
    ];
    const bodies: Record<string, unknown> = {
      '/api/v1/booking/staff/check-in': { code: 'AAAAAAAAAA' },
      [`/api/v1/admin/users/${kiosk.user.id}/roles`]: { role: 'staff' },
    };
    for (const [method, url] of refused) {
      const res =
        method === 'GET' ? await kiosk.client.get(url) : await kiosk.client.post(url, bodies[url] ?? {});
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    // The role it tried to give itself is not there.
    expect((await kiosk.client.get('/api/v1/me')).json().roles).toEqual(['kiosk']);
  });

  it('an admin grants the kiosk role, named 키오스크 in the audit log', async () => {
    const admin = await signedInAs(t, ['admin']);
    const tablet = await signedInAs(t, ['resident']);
    const res = await admin.client.post(`/api/v1/admin/users/${tablet.user.id}/roles`, { role: 'kiosk' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().roles).toContain('kiosk');
    const audit = (await admin.client.get('/api/v1/admin/audit?action=role.grant')).json().items;
    expect(JSON.stringify(audit)).toContain('키오스크');
  });

  it("checks a person in by code at the place's kiosk: the masked name, room and time only", async () => {
    const start = new Date(Math.floor(Date.now() / MIN) * MIN + 5 * MIN);
    const end = new Date(start.getTime() + 60 * MIN);
    const [booking] = await t.database.db
      .insert(bookingBookings)
      .values({
        organizationId: t.org.id,
        resourceId,
        userId: person.user.id,
        period: sql`tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, '[)')`,
        status: 'confirmed',
        purpose: '스터디',
      })
      .returning({ code: bookingBookings.checkinCode });
    const url = `/api/v1/booking/kiosk/${placeId}/check-in`;
    // A resident cannot use the kiosk.
    expect((await person.client.post(url, { code: booking.code })).statusCode).toBe(403);
    const res = await kiosk.client.post(url, { code: booking.code });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      kind: 'booking',
      maskedName: '홍*동',
      placeName: '무중력지대 대방동',
      room: '세미나실',
      programTitle: null,
      start: start.toISOString(),
      end: end.toISOString(),
    });
    expect(res.body).not.toContain('홍길동');
    expect(res.body).not.toContain(person.email);
    // An unknown code is refused in words, with nothing about anyone.
    const unknown = await kiosk.client.post(url, { code: 'AAAAAAAAAA' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('kiosk_code_unknown');
    // The kiosk account's own session says it is a kiosk, nothing more.
    expect((await kiosk.client.get('/api/v1/me')).json().roles).toEqual(['kiosk']);
  });
});
