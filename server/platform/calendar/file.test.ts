import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CalendarEvent, calendarAttachment, calendarFile } from './file.ts';
import { parseCalendar } from './test-ical.ts';

const stamp = new Date('2026-09-01T03:04:05Z');

describe('calendarFile', () => {
  it('round-trips text with commas, semicolons, backslashes and line breaks through a real parser', () => {
    const summary = '청년 주거, 월세; 지원\\특별 2차 모집 — 영등포구 청년을 위한 아주 긴 정책 이름입니다';
    const description = '신청 기간 2026-10-01 ~ 2026-10-05\n문의: 청년정책팀, 02-2670-3114; 방문 가능';
    const file = calendarFile({
      name: '함께, 내 일정; 청년\\정책',
      events: [
        {
          uid: 'youth-1@example.org',
          allDay: true,
          start: '2026-10-05',
          summary,
          description,
          url: 'https://example.org/youth/policies/1',
          location: '영등포구청 별관 3층, 청년정책팀',
          updatedAt: stamp,
        },
      ],
    });
    // Escaped on the wire, as RFC 5545 3.3.11 asks.
    expect(file.replace(/\r\n /g, '')).toContain('주거\\, 월세\\; 지원\\\\특별');
    const cal = parseCalendar(file);
    expect(cal.name).toBe('함께, 내 일정; 청년\\정책');
    expect(cal.method).toBe('PUBLISH');
    const [e] = cal.events;
    expect(e.summary).toBe(summary);
    expect(e.description).toBe(description);
    expect(e.location).toBe('영등포구청 별관 3층, 청년정책팀');
    expect(e.url).toBe('https://example.org/youth/policies/1');
    expect(e.uid).toBe('youth-1@example.org');
    expect(e.stamp.toISOString()).toBe(stamp.toISOString());
  });

  it('writes all-day events as dates, the end exclusive, transparent', () => {
    const cal = parseCalendar(
      calendarFile({
        name: 'x',
        events: [
          { uid: 'one', allDay: true, start: '2026-12-31', summary: 'one day', updatedAt: stamp },
          {
            uid: 'span',
            allDay: true,
            start: '2027-02-27',
            end: '2027-03-01',
            summary: 'span',
            updatedAt: stamp,
          },
        ],
      }),
    );
    expect(cal.events.map((e) => [e.startDate, e.endDate, e.start])).toEqual([
      ['2026-12-31', '2027-01-01', null],
      ['2027-02-27', '2027-03-02', null],
    ]);
    expect(cal.events.every((e) => e.transparency === 'TRANSPARENT')).toBe(true);
    expect(cal.zones).toEqual([]); // no zone is needed for dates
  });

  it('writes timed events in Korean time with the Asia/Seoul VTIMEZONE, whatever the process zone', () => {
    const start = new Date('2026-10-05T05:00:00Z'); // 14:00 in Seoul
    const end = new Date('2026-10-05T06:30:00Z');
    const file = calendarFile({
      name: 'x',
      refreshSeconds: 6 * 3600,
      events: [{ uid: 'meet', start, end, summary: '회의', updatedAt: stamp }],
    });
    const cal = parseCalendar(file);
    expect(cal.zones).toEqual(['Asia/Seoul']);
    expect(cal.refreshInterval).toBe('PT6H');
    const [e] = cal.events;
    expect(e.startZone).toBe('Asia/Seoul');
    expect(e.startText).toBe('20261005T140000');
    expect(e.start?.toISOString()).toBe(start.toISOString());
    expect(e.end?.toISOString()).toBe(end.toISOString());
    expect(e.transparency).toBeNull();
    expect(file).toMatch(/\r\nDTSTAMP:20260901T030405Z\r\n/); // DTSTAMP stays UTC
  });

  it('gives the same file for the same data', () => {
    const input = {
      name: 'x',
      events: [{ uid: 'u', allDay: true as const, start: '2026-10-05', summary: 's', updatedAt: stamp }],
    };
    expect(calendarFile(input)).toBe(calendarFile(input));
  });

  it('refuses events that end before they start and dates that are not dates', () => {
    const base = { uid: 'u', summary: 's', updatedAt: stamp };
    expect(() =>
      calendarFile({
        name: 'x',
        events: [{ ...base, allDay: true, start: '2026-10-05', end: '2026-10-04' }],
      }),
    ).toThrow(/ends before/);
    expect(() =>
      calendarFile({
        name: 'x',
        events: [{ ...base, start: new Date('2026-10-05T05:00Z'), end: new Date('2026-10-05T04:00Z') }],
      }),
    ).toThrow(/ends before/);
    expect(() =>
      calendarFile({ name: 'x', events: [{ ...base, allDay: true, start: '2026-02-30' }] }),
    ).toThrow();
  });

  it('any summary survives writing and parsing (property)', () => {
    const textArb = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 120 })
      .filter((s) => !/[\0\r]/.test(s));
    fc.assert(
      fc.property(textArb, textArb, (summary, description) => {
        const event: CalendarEvent = {
          uid: 'p',
          allDay: true,
          start: '2026-10-05',
          summary,
          description,
          updatedAt: stamp,
        };
        const [e] = parseCalendar(calendarFile({ name: 'x', events: [event] })).events;
        expect(e.summary).toBe(summary);
        expect(e.description).toBe(description);
      }),
      { numRuns: 200 },
    );
  });

  it('names the attachment only with safe characters', () => {
    expect(calendarAttachment('policy-deadline-1a2b')).toBe(
      'attachment; filename="policy-deadline-1a2b.ics"',
    );
    expect(() => calendarAttachment('a"b')).toThrow();
  });
});
