import { defineNotificationKind } from '../../platform/notify/index.ts';

// The person hears when staff change their booking (approved, or cancelled with a reason): a notice
// about their own request, so email needs no consent.
export const BOOKING_CHANGED = 'booking.changed';

export const bookingChangedKind = defineNotificationKind(BOOKING_CHANGED, {
  label: { ko: '공간 예약 변경', en: 'Changes to my bookings' },
  defaults: { inApp: true, email: true },
  emailNeedsConsent: false,
});

// Reminders the day before and an hour before a booking starts: their own kind, so a person can
// choose the channels (or switch them off) apart from changes.
export const BOOKING_REMINDER = 'booking.reminder';

export const bookingReminderKind = defineNotificationKind(BOOKING_REMINDER, {
  label: { ko: '공간 예약 미리 알림', en: 'Booking reminders' },
  defaults: { inApp: true, email: true },
  emailNeedsConsent: false,
});
