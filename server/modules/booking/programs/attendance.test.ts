import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { auditLog } from '../../../platform/audit/tables.ts';
import { users } from '../../../platform/auth/tables.ts';
import { personalDataAccessLog } from '../../../platform/privacy/access-log-tables.ts';
import { programCountsByKindAndYear } from '../index.ts';

const LIST = '/api/v1/booking/programs';
const STAFF = '/api/v1/booking/staff/programs';
const MINE = '/api/v1/booking/registrations/mine';
const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

type User = Awaited<ReturnType<typeof signedInAs>>;

/** The text of every page of a PDF, as pdf.js reads it back. */
async function pdfText(bytes: Buffer) {
  const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
  let out = '';
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    out += content.items.map((item) => ('str' in item ? item.str : '')).join('');
  }
  return out;
}

describe.each(engines)('program attendance, completion, certificate and survey on %s', (engine) => {
  let t: TestApp;
  let staff: User;
  let kim: User;
  let lee: User;
  let programId: string;
  let sessions: { id: string }[];
  let body: Record<string, unknown>;
  const title = 'VR 콘텐츠 기획 및 제작 과정';
  const roll = (sessionId: string) => `${STAFF}/${programId}/sessions/${sessionId}/attendance`;
  const regOf = async (who: User) =>
    (await who.client.get(MINE)).json().items.find((r: { programId: string }) => r.programId === programId);

  beforeAll(async () => {
    t = await createTestApp(engine);
    [staff, kim, lee] = await Promise.all([
      signedInAs(t, ['staff']),
      signedInAs(t, ['resident']),
      signedInAs(t, ['resident']),
    ]);
    await t.database.db.update(users).set({ displayName: '김청년' }).where(eq(users.id, kim.user.id));
    // Five sessions that have all ended, registration still open (so the test can register).
    body = {
      code: `vr-${randomUUID().slice(0, 8)}`,
      area: 'youth',
      kind: 'course',
      titleKo: title,
      titleEn: 'VR content course',
      opensAt: inHours(-200),
      closesAt: inHours(24),
      capacity: 10,
      completionPercent: 80,
      sessions: [150, 120, 90, 60, 30].map((h) => ({
        startsAt: inHours(-h),
        endsAt: inHours(-h + 2),
        address: '영등포구 당산로 1',
      })),
    };
    const res = await staff.client.post(STAFF, body);
    expect(res.statusCode, res.body).toBe(200);
    programId = res.json().id;
    for (const who of [kim, lee])
      expect((await who.client.post(`${LIST}/${programId}/registration`, {})).json().status).toBe(
        'confirmed',
      );
    sessions = (await staff.client.get(`${LIST}/${programId}`)).json().sessions;
  });
  afterAll(() => t?.close());

  it('staff call the roll (audited, names access-logged); 80% attended completes the course', async () => {
    const kimReg = (await regOf(kim)).id;
    const leeReg = (await regOf(lee)).id;
    const first = await staff.client.get(`${roll(sessions[0].id)}?limit=1`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().items).toEqual([{ registrationId: kimReg, name: '김청년', present: null }]);
    const second = await staff.client.get(
      `${roll(sessions[0].id)}?limit=1&cursor=${first.json().nextCursor}`,
    );
    expect(second.json().items.map((r: { registrationId: string }) => r.registrationId)).toEqual([leeReg]);
    const logged = await t.database.db
      .select()
      .from(personalDataAccessLog)
      .where(
        and(
          eq(personalDataAccessLog.subjectUserId, kim.user.id),
          eq(personalDataAccessLog.actorUserId, staff.user.id),
        ),
      );
    expect(logged.map((l) => l.reason)).toContain('booking.attendance.roll');

    // Kim: present at 4 of 5 (the required 80%); Lee: present once, then corrected to absent and back.
    for (const [i, s] of sessions.entries()) {
      const res = await staff.client.put(roll(s.id), {
        marks: [
          { registrationId: kimReg, present: i !== 2 },
          { registrationId: leeReg, present: i === 0 },
        ],
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({
        present: i === 0 ? 2 : i === 2 ? 0 : 1,
        absent: i === 0 ? 0 : i === 2 ? 2 : 1,
      });
    }
    expect(
      (await staff.client.get(roll(sessions[2].id))).json().items.map((r: { present: boolean }) => r.present),
    ).toEqual([false, false]);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'booking.attendance_marked'), eq(auditLog.targetId, sessions[0].id)));
    expect(audits).toHaveLength(1);

    expect((await regOf(kim)).progress).toEqual({ attended: 4, sessions: 5, required: 4, completed: true });
    expect((await regOf(lee)).progress).toEqual({ attended: 1, sessions: 5, required: 4, completed: false });
    const staffList = (await staff.client.get(`${STAFF}/${programId}/registrations?list=registered`)).json();
    expect(staffList.items.map((r: { attended: number }) => r.attended)).toEqual([4, 1]);
  });

  it('refuses marks for people without a seat, residents, and sessions far ahead', async () => {
    const res = await staff.client.put(roll(sessions[0].id), {
      marks: [{ registrationId: randomUUID(), present: true }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('확정');
    expect((await kim.client.get(roll(sessions[0].id))).statusCode).toBe(403);
    expect((await staff.client.get(roll(randomUUID()))).statusCode).toBe(404);
    const later = await staff.client.post(STAFF, {
      code: `later-${randomUUID().slice(0, 8)}`,
      area: 'youth',
      kind: 'course',
      titleKo: '나중 과정',
      titleEn: 'Later course',
      opensAt: inHours(-1),
      closesAt: inHours(24),
      capacity: 5,
      sessions: [{ startsAt: inHours(48), endsAt: inHours(50), online: true }],
    });
    const laterId = later.json().id;
    const seat = (await kim.client.post(`${LIST}/${laterId}/registration`, {})).json();
    const [session] = (await staff.client.get(`${LIST}/${laterId}`)).json().sessions;
    const early = await staff.client.put(`${STAFF}/${laterId}/sessions/${session.id}/attendance`, {
      marks: [{ registrationId: seat.id, present: true }],
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('program_session_not_started');
  });

  it('gives the completed person a PDF certificate with their Korean name and the course, and no one else', async () => {
    const res = await kim.client.get(`${LIST}/${programId}/certificate.pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The font is embedded as a subset: the whole regular weight alone is 5.6 MB.
    expect(res.rawPayload.length).toBeLessThan(100_000);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('김청년');
    expect(text).toContain(title);
    expect(text).toContain('수 료 증');
    expect(text).toContain('전체 5회 중 4회');
    const number = /(\d{4}-\d{5})/.exec(text)?.[1];
    expect(number).toBeDefined();
    // Downloading again keeps the number; staff get the same certificate (access-logged).
    expect(
      await pdfText((await kim.client.get(`${LIST}/${programId}/certificate.pdf`)).rawPayload),
    ).toContain(number);
    const kimReg = (await regOf(kim)).id;
    const byStaff = await staff.client.get(`${STAFF}/${programId}/registrations/${kimReg}/certificate.pdf`);
    expect(byStaff.statusCode).toBe(200);
    expect(await pdfText(byStaff.rawPayload)).toContain(number);
    const notDone = await lee.client.get(`${LIST}/${programId}/certificate.pdf`);
    expect(notDone.statusCode).toBe(403);
    expect(notDone.json().error.message).toContain('수료');
    expect((await staff.client.get(`${LIST}/${programId}/certificate.pdf`)).statusCode).toBe(404);
  });

  it('takes one survey answer per attendee after the last session; staff see the aggregate without names', async () => {
    expect((await regOf(kim)).survey).toBe('open');
    const answer = { overall: 5, recommend: true, comment: '강사님 설명이 친절했습니다.' };
    expect((await kim.client.post(`${LIST}/${programId}/survey`, answer)).statusCode).toBe(200);
    expect((await kim.client.post(`${LIST}/${programId}/survey`, answer)).statusCode).toBe(409);
    expect((await regOf(kim)).survey).toBe('answered');
    expect(
      (await lee.client.post(`${LIST}/${programId}/survey`, { overall: 2, recommend: false })).statusCode,
    ).toBe(200);
    const tooLong = await lee.client.post(`${LIST}/${programId}/survey`, {
      ...answer,
      comment: 'ㄱ'.repeat(1001),
    });
    expect(tooLong.statusCode).toBe(400);
    const stranger = await signedInAs(t, ['resident']);
    expect((await stranger.client.post(`${LIST}/${programId}/survey`, answer)).statusCode).toBe(403);
    const results = await staff.client.get(`${STAFF}/${programId}/survey`);
    expect(results.json()).toEqual({
      responses: 2,
      attendees: 2,
      average: 3.5,
      distribution: [0, 1, 0, 0, 1],
      recommend: 1,
      comments: ['강사님 설명이 친절했습니다.'],
    });
    expect(results.body).not.toContain('김청년');
    expect((await kim.client.get(`${STAFF}/${programId}/survey`)).statusCode).toBe(403);
  });

  it('counts programs, sessions and attendees per kind and year for the administration', async () => {
    const year = new Date(Date.now() + 9 * HOUR).getUTCFullYear();
    // Sessions 150 h ago might fall in the previous year around New Year: count both years.
    const counts = [
      ...(await programCountsByKindAndYear(t.database.db, t.org.id, year)),
      ...(await programCountsByKindAndYear(t.database.db, t.org.id, year - 1)),
    ].filter((c) => c.kind === 'course');
    expect(counts.reduce((n, c) => n + c.sessions, 0)).toBe(5);
    expect(Math.max(...counts.map((c) => c.attendees))).toBe(2);
    expect(Math.max(...counts.map((c) => c.programs))).toBe(1);
    const thisYear = await programCountsByKindAndYear(t.database.db, t.org.id, year);
    expect(thisYear.find((c) => c.kind === 'briefing')).toEqual({
      kind: 'briefing',
      programs: 0,
      sessions: 0,
      attendees: 0,
    });
    expect(await programCountsByKindAndYear(t.database.db, t.org.id, 2019)).toHaveLength(10);
  });

  it('an edit of the program keeps its sessions, and so the attendance taken at them', async () => {
    const res = await staff.client.put(`${STAFF}/${programId}`, { ...body, capacity: 12 });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      (await staff.client.get(`${LIST}/${programId}`)).json().sessions.map((s: { id: string }) => s.id),
    ).toEqual(sessions.map((s) => s.id));
    expect((await regOf(kim)).progress).toMatchObject({ attended: 4, completed: true });
  });
});
