import ICAL from 'ical.js';
import { expect } from 'vitest';

// For tests: reads an iCalendar file back with a real parser (ical.js, Mozilla's), after checking the
// physical layout RFC 5545 asks for (CRLF lines, at most 75 octets each).

// RFC 7986 made NAME a TEXT property (escaped like SUMMARY); ical.js 2.2 does not list it yet and
// would hand back the escaped text.
ICAL.design.icalendar.property.name ??= { defaultType: 'text' };

export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string | null;
  url: string | null;
  location: string | null;
  /** 'YYYY-MM-DD' for a date value, else null. */
  startDate: string | null;
  endDate: string | null;
  /** The instant of a date-time value (its TZID resolved through the file's VTIMEZONE), else null. */
  start: Date | null;
  end: Date | null;
  /** The TZID parameter of DTSTART, if any. */
  startZone: string | null;
  /** DTSTART as written (local time for a TZID value). */
  startText: string;
  stamp: Date;
  transparency: string | null;
}

export interface ParsedCalendar {
  name: string | null;
  method: string | null;
  refreshInterval: string | null;
  zones: string[];
  events: ParsedEvent[];
}

const text = (c: ICAL.Component, name: string) => {
  const v = c.getFirstPropertyValue(name);
  return v === null || v === undefined ? null : String(v);
};

export function parseCalendar(file: string): ParsedCalendar {
  expect(file.endsWith('\r\n'), 'the file ends with CRLF').toBe(true);
  for (const line of file.slice(0, -2).split('\r\n')) {
    expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    expect(line).not.toMatch(/[\r\n]/);
  }
  const root = new ICAL.Component(ICAL.parse(file));
  expect(root.name).toBe('vcalendar');
  expect(text(root, 'version')).toBe('2.0');
  const zones = root.getAllSubcomponents('vtimezone').map((z) => {
    const zone = new ICAL.Timezone(z);
    ICAL.TimezoneService.register(zone, zone.tzid);
    return zone.tzid;
  });
  const events = root.getAllSubcomponents('vevent').map((c): ParsedEvent => {
    const event = new ICAL.Event(c);
    const dtstart = c.getFirstProperty('dtstart');
    const startTime = event.startDate;
    const endTime = event.endDate;
    const stamp = c.getFirstPropertyValue('dtstamp') as ICAL.Time;
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description ?? null,
      url: text(c, 'url'),
      location: event.location ?? null,
      startDate: startTime.isDate ? startTime.toString() : null,
      endDate: endTime.isDate ? endTime.toString() : null,
      start: startTime.isDate ? null : startTime.toJSDate(),
      end: endTime.isDate ? null : endTime.toJSDate(),
      startZone: (dtstart?.getParameter('tzid') as string | undefined) ?? null,
      startText: String(dtstart?.toICALString().split(':').slice(1).join(':')),
      stamp: stamp.toJSDate(),
      transparency: text(c, 'transp'),
    };
  });
  return {
    name: text(root, 'name'),
    method: text(root, 'method'),
    refreshInterval: text(root, 'refresh-interval'),
    zones,
    events,
  };
}
