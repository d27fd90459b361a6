import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBooking } from '../../../../seed/builders/booking.ts';
import { buildBookingPrograms, DEMO_PROGRAMS } from '../../../../seed/builders/booking-programs.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { createOtherOrganization, signedInAtOrganization } from '../../../../tests/helpers/tenants.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { auditLog } from '../../../platform/audit/tables.ts';
import { parseCalendar } from '../../../platform/calendar/test-ical.ts';
import { outbox } from '../../../platform/notify/tables.ts';
import { personalDataAccessLog } from '../../../platform/privacy/access-log-tables.ts';
import { expireLapsedOffers } from './jobs.ts';
import { drawLottery } from './lottery.ts';
import { programPrivacy } from './privacy.ts';
import { bookingPrograms, bookingRegistrations } from './tables.ts';

const LIST = '/api/v1/booking/programs';
const STAFF = '/api/v1/booking/staff/programs';
const MINE = '/api/v1/booking/registrations/mine';
const reg = (id: string) => `${LIST}/${id}/registration`;
const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

type User = Awaited<ReturnType<typeof signedInAs>>;

describe.each(engines)('booking programs on %s', (engine) => {
  let t: TestApp;
  let staff: User;
  let resident: User;
  let youth: User;
  let n = 0;
  const program = (extra: Record<string, unknown> = {}) => ({
    code: `p-${++n}-${randomUUID().slice(0, 6)}`,
    area: 'youth',
    kind: 'course',
    titleKo: '1인 미디어 크리에이터 과정',
    titleEn: 'One-person media creator course',
    descriptionKo: '영상 기획부터 편집까지 배웁니다.',
    opensAt: inHours(-1),
    closesAt: inHours(24),
    capacity: 3,
    completionPercent: 80,
    sessions: [
      { startsAt: inHours(48), endsAt: inHours(50), address: '서울 영등포구 당산로 1' },
      { startsAt: inHours(72), endsAt: inHours(74), online: true },
    ],
    ...extra,
  });
  const create = async (extra: Record<string, unknown> = {}) => {
    const res = await staff.client.post(STAFF, program(extra));
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id as string;
  };
  // Signed in ten at a time: the sign-in throttle counts attempts still running from one address.
  const people = async (count: number, roles = ['resident']) => {
    const all: User[] = [];
    while (all.length < count)
      all.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(10, count - all.length) }, () => signedInAs(t, roles)),
        )),
      );
    return all;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    [staff, resident, youth] = await Promise.all([
      signedInAs(t, ['staff']),
      signedInAs(t, ['resident']),
      signedInAs(t, ['resident', 'youth']),
    ]);
  });
  afterAll(() => t?.close());

  it('staff create a program with sessions; anyone lists it by area and kind and reads it with seats left', async () => {
    const id = await create({ area: 'governance', kind: 'town_hall', capacity: 50 });
    const anon = new TestClient(t.app);
    const list = await anon.get(`${LIST}?area=governance&kind=town_hall`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: { id: string }) => p.id)).toContain(id);
    expect((await anon.get(`${LIST}?area=youth&kind=town_hall`)).json().items).toEqual([]);
    const one = (await anon.get(`${LIST}/${id}`)).json();
    expect(one).toMatchObject({
      capacity: 50,
      seatsLeft: 50,
      waiting: 0,
      mode: 'first_come',
      completionPercent: 80,
    });
    expect(one.sessions).toHaveLength(2);
    expect(one.sessions[1]).toMatchObject({ online: true, place: '' });
    const en = await new TestClient(t.app, 'en').get(`${LIST}/${id}`);
    expect(en.json().title).toBe('One-person media creator course');
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'booking.program_create'), eq(auditLog.targetId, id)));
    expect(audit).toHaveLength(1);
  });

  it('pages the list with a cursor', async () => {
    for (let i = 0; i < 3; i++) await create({ area: 'social-economy', kind: 'briefing' });
    const first = (await new TestClient(t.app).get(`${LIST}?area=social-economy&limit=2`)).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await new TestClient(t.app).get(`${LIST}?area=social-economy&limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items.length).toBeGreaterThanOrEqual(1);
    const ids = [...first.items, ...second.items].map((p: { id: string }) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await new TestClient(t.app).get(`${LIST}?cursor=nonsense`)).statusCode).toBe(400);
  });

  it('refuses anonymous people, residents on staff routes and another organization', async () => {
    const id = await create();
    const anon = new TestClient(t.app);
    expect((await anon.post(reg(id), {})).statusCode).toBe(401);
    expect((await anon.get(MINE)).statusCode).toBe(401);
    expect((await anon.post(STAFF, program())).statusCode).toBe(401);
    expect((await resident.client.post(STAFF, program())).statusCode).toBe(403);
    expect(
      (await resident.client.request({ method: 'PUT', url: `${STAFF}/${id}`, payload: program() }))
        .statusCode,
    ).toBe(403);
    expect((await resident.client.get(`${STAFF}/${id}/registrations`)).statusCode).toBe(403);
    expect((await resident.client.post(`${STAFF}/${id}/draw`, { seed: 'x' })).statusCode).toBe(403);
    expect((await resident.client.post(`${STAFF}/${id}/digest`)).statusCode).toBe(403);
    const other = await createOtherOrganization(t);
    const otherStaff = await signedInAtOrganization(t, other, ['staff']);
    const otherResident = await signedInAtOrganization(t, other, ['resident']);
    expect((await otherStaff.client.get(`${LIST}/${id}`)).statusCode).toBe(404);
    expect((await otherStaff.client.get(`${STAFF}/${id}/registrations`)).statusCode).toBe(404);
    expect((await otherResident.client.post(reg(id), {})).statusCode).toBe(404);
    expect((await otherStaff.client.get(LIST)).json().items).toEqual([]);
  });

  it('refuses bad input with 400 in Korean and English', async () => {
    const bad = await staff.client.post(STAFF, program({ closesAt: inHours(-2) }));
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('신청 마감은 신청 시작보다 뒤여야 합니다.');
    const en = new TestClient(t.app, 'en');
    en.cookies = staff.client.cookies;
    en.csrfToken = staff.client.csrfToken;
    const noPlace = await en.post(
      STAFF,
      program({ sessions: [{ startsAt: inHours(5), endsAt: inHours(6) }] }),
    );
    expect(noPlace.statusCode).toBe(400);
    expect(JSON.stringify(noPlace.json())).toContain('Give a place');
    const id = await create();
    const dup = await staff.client.post(STAFF, { ...program(), code: (await staffProgram(id)).code });
    expect(dup.statusCode).toBe(409);
  });

  const staffProgram = async (id: string) => {
    const [row] = await t.database.db.select().from(bookingPrograms).where(eq(bookingPrograms.id, id));
    return row;
  };

  it('under 40 parallel requests over real HTTP confirms exactly the capacity; the rest wait in arrival order', async () => {
    const capacity = 7;
    const id = await create({ capacity, code: `rush-${randomUUID().slice(0, 6)}` });
    const crowd = await people(40);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const answers = await Promise.all(
      crowd.map((p) =>
        fetch(`http://127.0.0.1:${port}${reg(id)}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: [...p.client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
            'x-csrf-token': p.client.csrfToken ?? '',
            'idempotency-key': randomUUID(),
          },
          body: '{}',
        }).then(async (r) => ({ status: r.status, body: await r.json() })),
      ),
    );
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const confirmed = answers.filter((a) => a.body.status === 'confirmed');
    const waiting = answers.filter((a) => a.body.status === 'waiting');
    expect(confirmed).toHaveLength(capacity);
    expect(waiting).toHaveLength(40 - capacity);
    expect(waiting.map((a) => a.body.position).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 - capacity }, (_, i) => i + 1),
    );
    // Arrival order is the order the program lock let them in: creation time follows the queue.
    const rows = await t.database.db
      .select()
      .from(bookingRegistrations)
      .where(eq(bookingRegistrations.programId, id))
      .orderBy(bookingRegistrations.createdAt);
    expect(rows.slice(0, capacity).every((r) => r.status === 'confirmed')).toBe(true);
    expect(rows.slice(capacity).map((r) => r.queueNumber)).toEqual(
      Array.from({ length: 40 - capacity }, (_, i) => i + 1),
    );
    expect((await new TestClient(t.app).get(`${LIST}/${id}`)).json()).toMatchObject({
      seatsLeft: 0,
      waiting: 40 - capacity,
    });
  });

  it('keeps one registration per person: a retry with the Idempotency-Key is replayed, without it answers the same one', async () => {
    const id = await create();
    const p = await signedInAs(t, ['resident']);
    const key = randomUUID();
    const first = await p.client.post(reg(id), {}, { 'idempotency-key': key });
    expect(first.statusCode).toBe(200);
    const again = await p.client.post(reg(id), {}, { 'idempotency-key': key });
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const plain = await p.client.post(reg(id), {});
    expect(plain.json().id).toBe(first.json().id);
    const rows = await t.database.db
      .select()
      .from(bookingRegistrations)
      .where(eq(bookingRegistrations.programId, id));
    expect(rows).toHaveLength(1);
    // The database itself refuses a second active row for the person.
    const refused = await t.database.db
      .insert(bookingRegistrations)
      .values({ organizationId: t.org.id, programId: id, userId: p.user.id, status: 'confirmed' })
      .then(
        () => null,
        (e: { code?: string; cause?: { code?: string } }) => e.cause?.code ?? e.code,
      );
    expect(refused).toBe('23505');
  });

  it("puts a seat's sessions in a calendar file and in the person's feed; someone without a seat gets 404", async () => {
    const id = await create();
    const p = await signedInAs(t, ['resident']);
    expect((await p.client.post(reg(id), {})).json().status).toBe('confirmed');
    const file = await p.client.get(`${LIST}/${id}/calendar.ics`);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-type']).toContain('text/calendar');
    const events = parseCalendar(file.body).events;
    expect(events.map((e) => e.summary)).toEqual([
      '1인 미디어 크리에이터 과정',
      '1인 미디어 크리에이터 과정',
    ]);
    expect(events.map((e) => e.startZone)).toEqual(['Asia/Seoul', 'Asia/Seoul']);
    // The sessions in order, two hours each, about two and three days ahead.
    const hoursAhead = events.map((e) => Math.round(((e.start?.getTime() ?? 0) - Date.now()) / HOUR));
    expect(hoursAhead).toEqual([48, 72]);
    expect(events.map((e) => ((e.end?.getTime() ?? 0) - (e.start?.getTime() ?? 0)) / HOUR)).toEqual([2, 2]);
    expect(events[0].location).toBe('서울 영등포구 당산로 1');
    expect(events[1].description).toContain('온라인');
    // The private feed carries the same sessions (same UIDs), and not another person's.
    const feed = (await p.client.post('/api/v1/me/calendar-feed')).json();
    const url = new URL(feed.url);
    const fed = parseCalendar((await new TestClient(t.app).get(url.pathname + url.search)).body).events;
    expect(fed.map((e) => e.uid)).toEqual(expect.arrayContaining(events.map((e) => e.uid)));
    const stranger = await signedInAs(t, ['resident']);
    expect((await stranger.client.get(`${LIST}/${id}/calendar.ics`)).statusCode).toBe(404);
    // Cancelled: the sessions leave the file.
    expect((await p.client.delete(reg(id))).statusCode).toBe(200);
    expect((await p.client.get(`${LIST}/${id}/calendar.ics`)).statusCode).toBe(404);
  });

  it('a cancellation offers the seat to the next person with a deadline and a notice; they confirm; a lapsed offer passes on', async () => {
    const id = await create({ capacity: 1, offerHours: 24 });
    const [a, b, c] = await people(3);
    const seated = await a.client.post(reg(id), {});
    expect(seated.json().status).toBe('confirmed');
    expect((await a.client.get(MINE)).json().items[0]).toEqual(seated.json());
    expect((await b.client.post(reg(id), {})).json()).toMatchObject({ status: 'waiting', position: 1 });
    const joined = await c.client.post(reg(id), {});
    expect(joined.json()).toMatchObject({ status: 'waiting', position: 2 });
    // The answer given from the registering batch is the one a later read gives.
    expect((await c.client.get(MINE)).json().items[0]).toEqual(joined.json());

    const cancelled = await a.client.delete(reg(id));
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    const offered = (await b.client.get(MINE)).json().items[0];
    expect(offered.status).toBe('offered');
    const until = new Date(offered.offeredUntil).getTime();
    expect(until).toBeGreaterThan(Date.now() + 23 * HOUR);
    expect(until).toBeLessThanOrEqual(Date.now() + 24 * HOUR);
    expect((await c.client.get(MINE)).json().items[0]).toMatchObject({ status: 'waiting', position: 1 });
    const notices = await t.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.userId, b.user.id), eq(outbox.kind, 'booking.program_seat_offered')));
    expect(notices).toHaveLength(1);
    expect(JSON.stringify(notices[0].payload)).toContain('확정해 주십시오');

    // c has no offer to confirm.
    const early = await c.client.post(`${reg(id)}/confirm`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('program_no_offer');

    // b lets the offer lapse: confirming late is refused and the seat goes to c.
    await t.database.db
      .update(bookingRegistrations)
      .set({ offeredUntil: new Date(Date.now() - 1000) })
      .where(and(eq(bookingRegistrations.programId, id), eq(bookingRegistrations.userId, b.user.id)));
    const late = await b.client.post(`${reg(id)}/confirm`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('program_offer_expired');
    expect((await b.client.get(MINE)).json().items[0].status).toBe('lost');
    expect((await c.client.get(MINE)).json().items[0].status).toBe('offered');
    const ok = await c.client.post(`${reg(id)}/confirm`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('confirmed');
    expect((await new TestClient(t.app).get(`${LIST}/${id}`)).json()).toMatchObject({
      seatsLeft: 0,
      waiting: 0,
    });
  });

  it('the sweep passes a lapsed offer on when nobody touches the program', async () => {
    const id = await create({ capacity: 1 });
    const [a, b, c] = await people(3);
    for (const p of [a, b, c]) await p.client.post(reg(id), {});
    await a.client.delete(reg(id));
    await t.database.db
      .update(bookingRegistrations)
      .set({ offeredUntil: new Date(Date.now() - 1000) })
      .where(and(eq(bookingRegistrations.programId, id), eq(bookingRegistrations.userId, b.user.id)));
    const swept = await expireLapsedOffers(t.database.db, { jobs: t.jobs });
    expect(swept.programs).toBeGreaterThanOrEqual(1);
    expect((await b.client.get(MINE)).json().items[0].status).toBe('lost');
    expect((await c.client.get(MINE)).json().items[0].status).toBe('offered');
  });

  it('a person waiting who leaves lets everyone behind move up', async () => {
    const id = await create({ capacity: 1 });
    const [a, b, c] = await people(3);
    for (const p of [a, b, c]) await p.client.post(reg(id), {});
    expect((await b.client.delete(reg(id))).json().status).toBe('cancelled');
    expect((await c.client.get(MINE)).json().items[0]).toMatchObject({ status: 'waiting', position: 1 });
    expect((await b.client.delete(reg(id))).statusCode).toBe(404);
  });

  it('refuses people outside the eligibility or the window with a message in Korean and English', async () => {
    const residentsOnly = await create({ residentsOnly: true });
    const nobody = await signedInAs(t, []);
    const refused = await nobody.client.post(reg(residentsOnly), {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('이 강좌·행사는 주민만 신청할 수 있습니다.');
    nobody.client.lang = 'en';
    expect((await nobody.client.post(reg(residentsOnly), {})).json().error.message).toBe(
      'Only residents can register for this program.',
    );

    const youthOnly = await create({ role: 'youth' });
    expect((await resident.client.post(reg(youthOnly), {})).json().error.code).toBe('program_role_only');
    expect((await youth.client.post(reg(youthOnly), {})).statusCode).toBe(200);

    const aged = await create({ minAge: 19, maxAge: 34 });
    const needs = await youth.client.post(reg(aged), {});
    expect(needs.statusCode).toBe(422);
    expect(needs.json().error.code).toBe('program_birth_date_needed');
    const old = await youth.client.post(reg(aged), { birthDate: '1950-03-01' });
    expect(old.statusCode).toBe(403);
    expect(old.json().error.message).toBe('연령 조건(만 19–34세)에 해당하지 않아 신청할 수 없습니다.');
    const year = new Date().getUTCFullYear() - 25;
    expect((await youth.client.post(reg(aged), { birthDate: `${year}-01-01` })).statusCode).toBe(200);

    const later = await create({ opensAt: inHours(5), closesAt: inHours(10) });
    const notOpen = await youth.client.post(reg(later), {});
    expect(notOpen.statusCode).toBe(422);
    expect(notOpen.json().error.code).toBe('program_not_open');
  });

  it('lottery: people apply, staff publish the digest at the close, draw with a seed; anyone re-runs the draw', async () => {
    const id = await create({ mode: 'lottery', capacity: 3, code: `vr-${randomUUID().slice(0, 6)}` });
    const applicants = await people(8);
    for (const p of applicants) expect((await p.client.post(reg(id), {})).json().status).toBe('applied');
    // Before the close, no digest.
    const early = await staff.client.post(`${STAFF}/${id}/digest`);
    expect(early.json().error.code).toBe('program_still_open');
    await t.database.db
      .update(bookingPrograms)
      .set({ opensAt: new Date(Date.now() - 3 * HOUR), closesAt: new Date(Date.now() - HOUR) })
      .where(eq(bookingPrograms.id, id));
    expect((await staff.client.post(`${STAFF}/${id}/draw`, { seed: 'x' })).json().error.code).toBe(
      'program_digest_unpublished',
    );
    const digest = await staff.client.post(`${STAFF}/${id}/digest`);
    expect(digest.statusCode).toBe(200);
    expect(digest.json()).toMatchObject({ applicants: 8 });
    expect((await new TestClient(t.app).get(`${LIST}/${id}`)).json().inputDigest).toBe(
      digest.json().inputDigest,
    );

    const withdraw = await applicants[0].client.delete(reg(id));
    expect(withdraw.statusCode).toBe(409);
    expect(withdraw.json().error.code).toBe('program_list_fixed');
    const drawn = await staff.client.post(`${STAFF}/${id}/draw`, { seed: '2019 청년 VR 콘텐츠 과정' });
    expect(drawn.statusCode, drawn.body).toBe(200);
    const draw = (await new TestClient(t.app).get(`${LIST}/${id}/draw`)).json();
    expect(draw).toEqual(drawn.json());
    expect(draw.winners).toHaveLength(3);
    expect(draw.waitingList).toHaveLength(5);
    const again = drawLottery({
      seats: draw.seats,
      seed: draw.seed,
      applicants: draw.applicants.map((a: { id: string; appliedAt: string }) => ({
        id: a.id,
        appliedAt: new Date(a.appliedAt),
      })),
    });
    expect(again.inputDigest).toBe(draw.inputDigest);
    expect(again.winners).toEqual(draw.winners);
    expect(again.waitingList).toEqual(draw.waitingList);

    const rows = await t.database.db
      .select()
      .from(bookingRegistrations)
      .where(eq(bookingRegistrations.programId, id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(draw.winners.map((w: string) => byId.get(w)?.status)).toEqual([
      'confirmed',
      'confirmed',
      'confirmed',
    ]);
    expect(draw.waitingList.map((w: string) => byId.get(w)?.queueNumber)).toEqual([1, 2, 3, 4, 5]);
    expect((await staff.client.post(`${STAFF}/${id}/draw`, { seed: 'again' })).json().error.code).toBe(
      'program_already_drawn',
    );

    // A winner withdraws: the first of the drawn waiting list is offered the seat.
    const winner = applicants.find((p) => byId.get(draw.winners[0])?.userId === p.user.id) as User;
    const next = applicants.find((p) => byId.get(draw.waitingList[0])?.userId === p.user.id) as User;
    await winner.client.delete(reg(id));
    expect((await next.client.get(MINE)).json().items[0].status).toBe('offered');
  });

  it('staff list registrations with names (access-logged) and edit a program; a raised capacity offers seats', async () => {
    const id = await create({ capacity: 1 });
    const [a, b] = await people(2);
    await a.client.post(reg(id), {});
    await b.client.post(reg(id), {});
    const list = await staff.client.get(`${STAFF}/${id}/registrations`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((r: { status: string }) => r.status)).toEqual(['confirmed', 'waiting']);
    const logged = await t.database.db
      .select()
      .from(personalDataAccessLog)
      .where(
        and(
          eq(personalDataAccessLog.subjectUserId, b.user.id),
          eq(personalDataAccessLog.reason, 'booking.registrations.list'),
        ),
      );
    expect(logged).toHaveLength(1);
    const code = (await staffProgram(id)).code;
    const edited = await staff.client.request({
      method: 'PUT',
      url: `${STAFF}/${id}`,
      payload: program({ code, capacity: 2 }),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await b.client.get(MINE)).json().items[0].status).toBe('offered');
  });

  it("exports and erases a person's registrations", async () => {
    const id = await create({ capacity: 5 });
    const p = await signedInAs(t, ['resident']);
    await p.client.post(reg(id), {});
    const exported = await programPrivacy.exporters.programRegistrations(t.database.db, p.user.id);
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({ program: '1인 미디어 크리에이터 과정', status: 'confirmed' });
    await t.database.db.transaction((tx) => programPrivacy.erasers.programRegistrations(tx, p.user.id));
    expect(await programPrivacy.exporters.programRegistrations(t.database.db, p.user.id)).toEqual([]);
    const rows = await t.database.db
      .select()
      .from(bookingRegistrations)
      .where(eq(bookingRegistrations.programId, id));
    expect(rows).toMatchObject([{ userId: null, status: 'cancelled' }]);
  });

  it("the demo holds the report's programs as samples: one course open, one full with a waiting list, one past", async () => {
    await buildBooking(t.database.db, t.org.id);
    await buildBookingPrograms(t.database.db, t.org.id);
    await buildBookingPrograms(t.database.db, t.org.id); // idempotent
    const all = (await new TestClient(t.app).get(`${LIST}?past=true&limit=100`)).json().items as {
      id: string;
      code: string;
      seatsLeft: number;
      waiting: number;
      sample: boolean;
      lastSession: string;
    }[];
    const demo = all.filter((p) => DEMO_PROGRAMS.some((d) => d.code === p.code));
    expect(demo).toHaveLength(DEMO_PROGRAMS.length);
    expect(demo.every((p) => p.sample)).toBe(true);
    const byCode = new Map(demo.map((p) => [p.code, p]));
    expect(byCode.get('youth-media-creator-2019')).toMatchObject({ seatsLeft: 14, waiting: 0 });
    expect(byCode.get('youth-big-data-2019')).toMatchObject({ seatsLeft: 0, waiting: 4 });
    expect(new Date(byCode.get('youth-vr-content-2019')?.lastSession ?? '').getTime()).toBeLessThan(
      Date.now(),
    );
    // The held cross-department meeting has its minutes on its page, put up after it.
    const meeting = byCode.get('gov-communication-meeting-2019');
    const meetingPage = (await new TestClient(t.app).get(`${LIST}/${meeting?.id}`)).json();
    expect(meetingPage.minutes).toContain('예시 자료입니다');
    expect(Date.parse(meetingPage.minutesPublishedAt)).toBeGreaterThan(Date.parse(meetingPage.lastSession));
    // The past course has its roll called at every session (15 absences in 72) and survey answers.
    const vr = byCode.get('youth-vr-content-2019')?.id;
    const roll = (await staff.client.get(`${STAFF}/${vr}/registrations?list=registered`)).json().items;
    expect(roll.reduce((n: number, r: { attended: number }) => n + r.attended, 0)).toBe(57);
    expect((await staff.client.get(`${STAFF}/${vr}/survey`)).json()).toMatchObject({
      responses: 8,
      recommend: 7,
    });
    const current = (await new TestClient(t.app).get(`${LIST}?area=youth&kind=course&limit=100`)).json()
      .items;
    expect(current.map((p: { code: string }) => p.code)).not.toContain('youth-vr-content-2019');
    const studio = (
      await new TestClient(t.app).get(`${LIST}/${byCode.get('youth-media-creator-2019')?.id}`)
    ).json();
    expect(studio.sessions[0].place).toBe('1인미디어실');

    // A young person joins the full course's waiting list behind the four samples.
    const year = new Date().getUTCFullYear() - 25;
    const join = await youth.client.post(reg(byCode.get('youth-big-data-2019')?.id ?? ''), {
      birthDate: `${year}-05-05`,
    });
    expect(join.json()).toMatchObject({ status: 'waiting', position: 5 });
  });
});
