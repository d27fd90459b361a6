import type { Booking } from '../../../contracts/booking.ts';
import type { CalendarFeedSource } from '../../platform/calendar/feed-sources.ts';
import { calendarFile, type TimedEvent } from '../../platform/calendar/file.ts';
import { programSessionEvents } from './programs/calendar.ts';
import { bookingsOf } from './queries.ts';

// A booking as an iCalendar file (RFC 5545): one timed event in Korean time, the same UID for the
// same booking so a second download updates the event rather than adding one.
export function bookingEvent(b: Booking, address: string, base: string | null): TimedEvent {
  const cancelled = b.status === 'cancelled';
  return {
    uid: `booking-${b.id}@hamkke`,
    summary: `${cancelled ? '[취소] ' : ''}${b.resourceName} (${b.placeName})`,
    description: `예약 목적: ${b.purpose}\n인원: ${b.people}명\n상태: ${statusKo[b.status]}`,
    location: address || b.placeName,
    url: base ? `${base}/booking/mine` : undefined,
    start: new Date(b.start),
    end: new Date(b.end),
    updatedAt: new Date(b.createdAt),
  };
}

const statusKo: Record<Booking['status'], string> = {
  requested: '승인 대기',
  confirmed: '확정',
  cancelled: '취소',
  blocked: '이용 불가',
};

export const bookingCalendar = (b: Booking, address: string, base: string | null) =>
  calendarFile({ events: [bookingEvent(b, address, base)] });

/** How far back a person's feed keeps their bookings. */
const FEED_DAYS_BACK = 30;

// Booking's part of a person's calendar feed: their bookings awaiting approval or confirmed, and the
// sessions of programs where they hold a seat, from a month ago on (a cancelled booking or
// registration leaves the feed, so calendar apps drop it).
export const bookingCalendarFeed: CalendarFeedSource = async (
  db,
  { organizationId, userId, locale, linkBase },
) => {
  const since = new Date(Date.now() - FEED_DAYS_BACK * 86_400_000);
  const mine = await bookingsOf(db, organizationId, userId, locale);
  const sessions = await programSessionEvents(db, organizationId, userId, { locale, linkBase, since });
  return [
    ...mine
      .filter((b) => (b.status === 'requested' || b.status === 'confirmed') && b.end >= since.toISOString())
      .map((b) => bookingEvent(b, b.address, linkBase)),
    ...sessions,
  ];
};
