import type { Booking } from '../../../contracts/booking.ts';
import { calendarFile, type TimedEvent } from '../../platform/calendar/file.ts';

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
