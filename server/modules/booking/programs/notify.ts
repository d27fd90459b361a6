import { defineNotificationKind } from '../../../platform/notify/index.ts';

// A person waiting for a program hears when a seat is offered to them, with the deadline to confirm:
// a notice about their own registration, so email needs no consent.
export const PROGRAM_SEAT_OFFERED = 'booking.program_seat_offered';

export const programSeatOfferedKind = defineNotificationKind(PROGRAM_SEAT_OFFERED, {
  label: { ko: '강좌·행사 자리 안내', en: 'Seats offered in programs' },
  defaults: { inApp: true, email: true },
  emailNeedsConsent: false,
});

// When a held program's minutes are first published, the people who took part (confirmed
// registrations, who include those marked present) hear of it; corrections later are not news.
// It is about something they attended, so email needs no consent.
export const PROGRAM_MINUTES_PUBLISHED = 'booking.program_minutes_published';

export const programMinutesKind = defineNotificationKind(PROGRAM_MINUTES_PUBLISHED, {
  label: { ko: '참여한 행사의 회의 결과', en: 'Minutes of programs I took part in' },
  defaults: { inApp: true, email: true },
  emailNeedsConsent: false,
});
