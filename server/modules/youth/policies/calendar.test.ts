import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { TestClient } from '../../../../tests/helpers/client.ts';
import { engines } from '../../../../tests/helpers/engines.ts';
import { signedInAs } from '../../../../tests/helpers/users.ts';
import { addDays as addDaysTo, todayInSeoul } from '../../../platform/time/index.ts';
import { escapeText, foldLine } from './calendar.ts';

const addDays = (days: number) => addDaysTo(todayInSeoul(), days);
const basic = (d: string) => d.replaceAll('-', '');

/** A small RFC 5545 reader for the test: checks the physical lines, unfolds, and splits the events. */
function parseIcs(text: string) {
  expect(text.endsWith('\r\n')).toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(line).not.toMatch(/[\r\n]/);
  }
  const lines = text.replace(/\r\n /g, '').slice(0, -2).split('\r\n');
  const events: Array<Record<string, string>> = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return { lines, events };
}

/** The TEXT value back: \n, \, \; and \\ undone. */
const textValue = (v: string) =>
  v.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

describe('iCalendar text', () => {
  it('escapes backslashes, semicolons, commas and every kind of line break', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('folds at 75 octets without splitting a Korean syllable', () => {
    const line = `SUMMARY:${'청년'.repeat(40)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });
});

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

  it('one all-day event per round still to end, escaped and folded, with a stable UID', async () => {
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
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename=".+\.ics"$/);
    const { lines, events } = parseIcs(res.body);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(events).toHaveLength(2);
    expect(events.map((e) => e['DTSTART;VALUE=DATE'])).toEqual([basic(addDays(5)), basic(addDays(40))]);
    expect(events.map((e) => e['DTEND;VALUE=DATE'])).toEqual([basic(addDays(6)), basic(addDays(41))]);
    for (const e of events) {
      expect(textValue(e.SUMMARY)).toBe(`[마감] ${title}`);
      expect(e.SUMMARY).toContain('주거\\, 월세\\; 지원\\\\특별 2차');
      expect(e.URL).toMatch(new RegExp(`/youth/policies/${id}$`));
      expect(textValue(e.DESCRIPTION)).toContain(e.URL);
      expect(e.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
    }
    expect(new Set(events.map((e) => e.UID)).size).toBe(2);
    // The same policy and round give the same UID on the next download.
    const again = parseIcs((await anon().get(ics(id))).body).events;
    expect(again.map((e) => e.UID)).toEqual(events.map((e) => e.UID));
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
