import type { DbOrTx } from '../db/connect.ts';
import type { Locale } from '../i18n/locale.ts';
import { assertModulesInstalled } from '../modules/installed.ts';
import type { CalendarEvent } from './file.ts';

// What goes in a person's calendar feed, as modules declare it (defineModule({ calendarFeed })):
// the platform knows no module, it asks each for the person's events.

export interface CalendarFeedRequest {
  organizationId: string;
  userId: string;
  locale: Locale;
  /** The site's origin, for links back to each item (and the host part of UIDs). */
  linkBase: string;
}

/** One module's events for the feed's owner: only theirs, only in the organization. */
export type CalendarFeedSource = (
  db: DbOrTx,
  request: CalendarFeedRequest,
) => Promise<readonly CalendarEvent[]>;

const sources = new Map<string, CalendarFeedSource>();

export function registerCalendarFeed(module: string, source: CalendarFeedSource): void {
  if (sources.has(module)) throw new Error(`Module ${module} declares its calendar feed twice`);
  sources.set(module, source);
}

/** Every module's events for the person, in the order the modules were installed. */
export async function feedEvents(db: DbOrTx, request: CalendarFeedRequest): Promise<CalendarEvent[]> {
  assertModulesInstalled('Calendar feed sources');
  const events: CalendarEvent[] = [];
  for (const source of sources.values()) events.push(...(await source(db, request)));
  return events;
}
