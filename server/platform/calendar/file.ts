import ical, {
  escape as escapeText,
  ICalCalendarMethod,
  type ICalEventData,
  ICalEventTransparency,
} from 'ical-generator';
import { DateTime } from 'luxon';
import { addDays, isIsoDate } from '../time/index.ts';

// The one calendar writer (iCalendar, RFC 5545) every module uses: a deadline to download, a
// booking, a meeting, the personal feed. ical-generator does the escaping, folding and layout.
// Timed events are written in Korean time (TZID=Asia/Seoul with its VTIMEZONE), so a 14:00 meeting
// reads as 14:00 in Seoul whatever zone the server runs in; all-day events are plain dates.

export const SEOUL = 'Asia/Seoul';

interface EventText {
  /** Stable per thing and occurrence: the same UID updates the event in a calendar instead of adding one. */
  uid: string;
  summary: string;
  description?: string;
  url?: string;
  location?: string;
  /** When its source last changed (DTSTAMP): the same data gives the same file. */
  updatedAt: Date;
}

/** A whole day or days: dates as YYYY-MM-DD, `end` the last day (inclusive), the start when absent. */
export interface AllDayEvent extends EventText {
  allDay: true;
  start: string;
  end?: string;
}

/** A span of time: instants, written in Korean time. */
export interface TimedEvent extends EventText {
  allDay?: false;
  start: Date;
  end: Date;
}

export type CalendarEvent = AllDayEvent | TimedEvent;

export interface CalendarFileInput {
  /** The calendar's name as calendar apps show it: for a feed (a one-off download needs none). */
  name?: string;
  events: readonly CalendarEvent[];
  /** For a subscribed feed: how often apps should fetch it again. */
  refreshSeconds?: number;
}

// Korea has kept UTC+9 all year since 1988, so its VTIMEZONE is one STANDARD part. Written here
// rather than taken from a time-zone database package: it is the only zone we write.
const SEOUL_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${SEOUL}`,
  `X-LIC-LOCATION:${SEOUL}`,
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0900',
  'TZOFFSETTO:+0900',
  'TZNAME:KST',
  'DTSTART:19700101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

const vtimezone = (zone: string) => (zone === SEOUL ? SEOUL_VTIMEZONE : null);

/** A date as midnight UTC: ical-generator writes a date-only value from the UTC fields. */
function utcDay(isoDate: string): Date {
  if (!isIsoDate(isoDate)) throw new Error(`Not a date: ${isoDate}`);
  return new Date(`${isoDate}T00:00:00Z`);
}

function eventData(e: CalendarEvent): ICalEventData {
  const text = {
    id: e.uid,
    stamp: e.updatedAt,
    summary: e.summary,
    description: e.description ?? null,
    url: e.url ?? null,
    location: e.location ?? null,
  };
  if (e.allDay) {
    const last = e.end ?? e.start;
    if (last < e.start) throw new Error(`Event ${e.uid} ends before it starts`);
    // DTEND of an all-day event is the day after the last (exclusive). A deadline blocks no time.
    return {
      ...text,
      allDay: true,
      start: utcDay(e.start),
      end: utcDay(addDays(last, 1)),
      transparency: ICalEventTransparency.TRANSPARENT,
    };
  }
  if (e.end.getTime() < e.start.getTime()) throw new Error(`Event ${e.uid} ends before it starts`);
  return {
    ...text,
    timezone: SEOUL,
    start: DateTime.fromJSDate(e.start, { zone: SEOUL }),
    end: DateTime.fromJSDate(e.end, { zone: SEOUL }),
  };
}

/** The calendar as iCalendar text (CRLF lines, folded at 75 octets), ready to send as text/calendar. */
export function calendarFile(input: CalendarFileInput): string {
  const calendar = ical({
    // ical-generator writes the name as it is given; it is a TEXT value, so escape it here.
    name: input.name === undefined ? null : escapeText(input.name, false),
    prodId: { company: 'Hamkke', product: 'Calendar', language: 'KO' },
    method: ICalCalendarMethod.PUBLISH,
    scale: 'GREGORIAN',
    // No calendar-wide zone (it would write DTSTAMP and all-day dates in the process's zone);
    // the generator adds the VTIMEZONE for the events that name Asia/Seoul.
    timezone: { name: null, generator: vtimezone },
    ttl: input.refreshSeconds ?? null,
    events: input.events.map(eventData),
  });
  // Every content line ends with CRLF (RFC 5545 3.1), the last one too.
  const file = calendar.toString();
  return file.endsWith('\r\n') ? file : `${file}\r\n`;
}

/** Content-Disposition for a calendar download; `base` must be ASCII letters, digits and dashes. */
export function calendarAttachment(base: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(base)) throw new Error(`Unsafe calendar file name: ${base}`);
  return `attachment; filename="${base}.ics"`;
}

export const CALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8';
