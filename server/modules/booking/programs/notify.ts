import { defineNotificationKind } from '../../../platform/notify/index.ts';

// A person waiting for a program hears when a seat is offered to them, with the deadline to confirm:
// a notice about their own registration, so email needs no consent.
export const PROGRAM_SEAT_OFFERED = 'booking.program_seat_offered';

export const programSeatOfferedKind = defineNotificationKind(PROGRAM_SEAT_OFFERED, {
  label: { ko: '강좌·행사 자리 안내', en: 'Seats offered in programs' },
  defaults: { inApp: true, email: true },
  emailNeedsConsent: false,
});
