import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../../tests/helpers/client.ts';
import { engines } from '../../../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../../../tests/helpers/users.ts';
import { parseCalendar } from '../../../../platform/calendar/test-ical.ts';
import { addDays as addDaysTo, todayInSeoul } from '../../../../platform/time/index.ts';

const addDays = (days: number) => addDaysTo(todayInSeoul(), days);

describe.each(engines)('policy deadline calendar on %s', (engine) => {
  let t: TestApp;
  let staff: TestClient;
  const anon = () => new TestClient(t.app);
  const ics = (id: string) => `/api/v1/youth/policies/${id}/deadline.ics`;

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = (await signedInAs(t, ['staff'])).client;
  });
  afterAll(() => t?.close());

  const create = async (body: Record<string, unknown>, publish = true) => {
    const res = await staff.post('/api/v1/youth/policies', body);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    if (publish)
      for (const to of ['review', 'published'])
        expect((await staff.post(`/api/v1/youth/policies/${id}/transition`, { to })).statusCode).toBe(200);
    return id;
  };

  it('one all-day event per round still to end, escaped, with a stable UID, read back by a real parser', async () => {
    const title = '청년 주거, 월세; 지원\\특별 2차 모집 — 영등포구 청년을 위한 아주 긴 정책 이름입니다';
    const rounds = [
      { startsOn: addDays(-60), endsOn: addDays(-30) }, // over: left out
      { startsOn: addDays(-2), endsOn: addDays(5) },
      { startsOn: addDays(20), endsOn: addDays(40) },
    ];
    const id = await create({ title, rounds });
    const res = await anon().get(ics(id));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(String(res.headers['content-disposition'])).toBe(
      `attachment; filename="policy-deadline-${id.slice(0, 8)}.ics"`,
    );
    // On the wire the TEXT value is escaped (RFC 5545 3.3.11), folded lines put back together.
    expect(res.body.replace(/\r\n /g, '')).toContain('주거\\, 월세\\; 지원\\\\특별 2차');
    const { events } = parseCalendar(res.body);
    expect(events).toHaveLength(2);
    // All-day: the last day of each round, DTEND the day after.
    expect(events.map((e) => [e.startDate, e.endDate])).toEqual([
      [addDays(5), addDays(6)],
      [addDays(40), addDays(41)],
    ]);
    expect(events.every((e) => e.start === null && e.startZone === null)).toBe(true);
    for (const [i, e] of events.entries()) {
      expect(e.summary).toBe(`[마감] ${title}`);
      expect(e.url).toMatch(new RegExp(`^http://[^/]+/youth/policies/${id}$`));
      expect(e.description).toBe(`신청 기간 ${rounds[i + 1].startsOn} ~ ${rounds[i + 1].endsOn}\n${e.url}`);
      expect(e.transparency).toBe('TRANSPARENT');
      expect(e.uid).toMatch(new RegExp(`^youth-${id}-\\d{8}-\\d{8}@`));
    }
    expect(new Set(events.map((e) => e.uid)).size).toBe(2);
    // The same policy and round give the same UID and the same file on the next download.
    const again = await anon().get(ics(id));
    expect(parseCalendar(again.body).events.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
    expect(again.body).toBe(res.body);
  });

  it('a change to the policy keeps the UIDs and moves DTSTAMP', async () => {
    const id = await create({ title: '바뀌는 정책', rounds: [{ startsOn: addDays(1), endsOn: addDays(9) }] });
    const before = parseCalendar((await anon().get(ics(id))).body).events;
    await new Promise((r) => setTimeout(r, 1000)); // DTSTAMP counts whole seconds
    const edit = await staff.patch(`/api/v1/youth/policies/${id}`, { title: '바뀐 정책' });
    expect(edit.statusCode, edit.body).toBe(200);
    const after = parseCalendar((await anon().get(ics(id))).body).events;
    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    expect(after[0].summary).toBe('[마감] 바뀐 정책');
    expect(after[0].stamp.getTime()).toBeGreaterThan(before[0].stamp.getTime());
  });

  it('404 for unknown, unpublished and deadline-less policies', async () => {
    expect((await anon().get(ics('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
    expect((await anon().get(ics('not-a-uuid'))).statusCode).toBe(400);
    const draft = await create(
      { title: '초안 정책', rounds: [{ startsOn: addDays(1), endsOn: addDays(9) }] },
      false,
    );
    expect((await anon().get(ics(draft))).statusCode).toBe(404);
    // Staff see drafts elsewhere, but the calendar is for published policies only.
    expect((await staff.get(ics(draft))).statusCode).toBe(404);
    const always = await create({ title: '상시 모집 정책', applyPeriodKind: 'always' });
    const res = await anon().get(ics(always));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('youth_no_deadline');
    expect(res.json().error.message).toContain('마감일');
    const over = await create({
      title: '끝난 정책',
      rounds: [{ startsOn: addDays(-9), endsOn: addDays(-1) }],
    });
    expect((await anon().get(ics(over))).json().error.code).toBe('youth_no_deadline');
  });
});
