import type { Catalog } from '../../platform/i18n/messages.ts';

export const messages: Catalog = {
  'errors.booking_resource_not_found': {
    ko: '예약할 공간을 찾을 수 없습니다.',
    en: 'The room or item to book was not found.',
  },
  'errors.booking_not_found': { ko: '예약을 찾을 수 없습니다.', en: 'The booking was not found.' },
  'errors.booking_taken': {
    ko: '이미 예약된 시간입니다. 가까운 빈 시간을 골라 주십시오.',
    en: 'That time is already booked. Please choose one of the nearest free times.',
  },
  'errors.booking_not_for_you': {
    ko: '이 공간은 예약 대상이 정해져 있어 예약할 수 없습니다.',
    en: 'This space is for a particular group of people, and you cannot book it.',
  },
  'errors.booking_bad_period': {
    ko: '예약 시간이 올바르지 않습니다. 같은 날 안에서 끝나는 시간을 골라 주십시오.',
    en: 'The booking time is not valid. Choose a time that starts and ends on the same day.',
  },
  'errors.booking_off_grid': {
    ko: '예약은 {minutes}분 단위로 할 수 있습니다.',
    en: 'Bookings are made in blocks of {minutes} minutes.',
  },
  'errors.booking_closed_day': {
    ko: '운영하지 않는 날입니다: {reason}',
    en: 'The place is closed that day: {reason}',
  },
  'errors.booking_outside_hours': {
    ko: '운영 시간 밖입니다.',
    en: 'That time is outside the opening hours.',
  },
  'errors.booking_too_soon': {
    ko: '시작 {minutes}분 전까지만 예약할 수 있습니다.',
    en: 'Bookings close {minutes} minutes before the start.',
  },
  'errors.booking_too_far_ahead': {
    ko: '{days}일 뒤까지만 예약할 수 있습니다.',
    en: 'You can book at most {days} days ahead.',
  },
  'errors.booking_too_many_people': {
    ko: '이 공간은 최대 {capacity}명까지 이용할 수 있습니다.',
    en: 'This space holds at most {capacity} people.',
  },
  'errors.booking_day_limit': {
    ko: '한 사람이 하루에 {hours}시간까지 예약할 수 있습니다.',
    en: 'One person may book at most {hours} hours a day.',
  },
  'errors.booking_week_limit': {
    ko: '한 사람이 한 주에 {count}번까지 예약할 수 있습니다.',
    en: 'One person may make at most {count} bookings a week.',
  },
  'errors.booking_already_cancelled': {
    ko: '이미 취소된 예약입니다.',
    en: 'The booking is already cancelled.',
  },
  'errors.booking_cancel_too_late': {
    ko: '시작 {minutes}분 전까지만 직접 취소할 수 있습니다. 담당자에게 연락해 주십시오.',
    en: 'You can cancel yourself only until {minutes} minutes before the start. Please contact the staff.',
  },
  'errors.booking_not_waiting': {
    ko: '승인을 기다리는 예약이 아닙니다.',
    en: 'The booking is not waiting for approval.',
  },
  'errors.booking_block_overlaps': {
    ko: '그 시간에 예약 {count}건이 있습니다. 먼저 사유를 적어 취소해 주십시오.',
    en: 'There are {count} bookings in that period. Cancel them with a reason first.',
  },
  'errors.booking_person_not_found': {
    ko: '이 기관에서 그 전자우편을 쓰는 사람을 찾을 수 없습니다.',
    en: 'Nobody in this organization uses that email address.',
  },
  'errors.booking_suspended': {
    ko: '예약하고 입실하지 않은 일(노쇼)이 30일 안에 2번 있어 {until}까지 공간을 예약할 수 없습니다. 내 예약에서 이의를 신청할 수 있습니다.',
    en: 'After two no-shows within 30 days, you cannot book spaces until {until}. You can appeal under My bookings.',
  },
  'errors.booking_checkin_unknown': {
    ko: '이 입실 코드의 예약을 찾을 수 없습니다. 코드를 다시 확인해 주십시오.',
    en: 'No booking has this check-in code. Please check the code again.',
  },
  'errors.booking_already_checked_in': {
    ko: '이미 입실 처리된 예약입니다.',
    en: 'This booking is already checked in.',
  },
  'errors.booking_checkin_not_confirmed': {
    ko: '확정된 예약만 입실 처리할 수 있습니다(승인 대기 중이거나 취소된 예약입니다).',
    en: 'Only confirmed bookings can be checked in (this one is waiting for approval or cancelled).',
  },
  'errors.booking_checkin_too_early': {
    ko: '입실은 시작 10분 전부터 할 수 있습니다.',
    en: 'Check-in opens 10 minutes before the start.',
  },
  'errors.booking_checkin_too_late': {
    ko: '입실 확인 시간이 지나 노쇼로 처리되는 예약입니다.',
    en: 'The check-in time is over; this booking counts as a no-show.',
  },
  'errors.kiosk_code_unknown': {
    ko: '이 입실 코드를 찾을 수 없습니다. 코드를 다시 확인해 주십시오.',
    en: 'This check-in code was not found. Please check the code again.',
  },
  'errors.booking_checkin_other_place': {
    ko: '다른 장소의 예약입니다. 예약한 장소에서 입실해 주십시오.',
    en: 'This booking is for another place. Please check in where you booked.',
  },
  'errors.kiosk_place_not_found': { ko: '장소를 찾을 수 없습니다.', en: 'The place was not found.' },
  'errors.booking_not_suspended': {
    ko: '지금 예약이 정지되어 있지 않습니다.',
    en: 'Your booking is not suspended.',
  },
  'errors.booking_appeal_exists': {
    ko: '이 정지에는 이미 이의를 신청했습니다. 담당자의 답변을 기다려 주십시오.',
    en: 'You have already appealed this suspension. Please wait for the staff to answer.',
  },
  'errors.booking_suspension_not_found': {
    ko: '예약 정지 기록을 찾을 수 없습니다.',
    en: 'The booking suspension was not found.',
  },
  'errors.booking_appeal_not_pending': {
    ko: '답변을 기다리는 이의 신청이 아닙니다.',
    en: 'This appeal is not waiting for an answer.',
  },
  'staff.queue.booking.appeals': {
    ko: '예약 정지 이의 신청',
    en: 'Appeals against booking suspensions',
  },
  'audit.action.booking.check_in': { ko: '공간 예약 입실 확인', en: 'Booking checked in' },
  'audit.action.booking.suspend': { ko: '노쇼로 공간 예약 정지', en: 'Booking suspended after no-shows' },
  'audit.action.booking.appeal': { ko: '예약 정지 이의 신청', en: 'Suspension appealed' },
  'audit.action.booking.suspension_lift': { ko: '예약 정지 해제', en: 'Suspension lifted' },
  'audit.action.booking.appeal_reject': { ko: '예약 정지 이의 기각', en: 'Suspension appeal rejected' },
  'audit.target.booking.suspension': { ko: '공간 예약 정지', en: 'Booking suspension' },
  'access.reason.booking.appeals.list': {
    ko: '예약 정지 이의 신청 열람',
    en: 'Reading appeals against booking suspensions',
  },
  'audit.action.booking.book_for': { ko: '담당자의 대리 예약', en: 'Booked by staff for a person' },
  'staff.queue.booking.approvals': { ko: '승인을 기다리는 공간 예약', en: 'Bookings waiting for approval' },
  'audit.action.booking.book': { ko: '공간 예약', en: 'Space booked' },
  'audit.action.booking.request': { ko: '공간 예약 신청', en: 'Booking requested' },
  'audit.action.booking.cancel': { ko: '공간 예약 취소', en: 'Booking cancelled' },
  'audit.action.booking.staff_cancel': { ko: '담당자의 예약 취소', en: 'Booking cancelled by staff' },
  'audit.action.booking.approve': { ko: '공간 예약 승인', en: 'Booking approved' },
  'audit.action.booking.block': { ko: '예약 막기(점검 등)', en: 'Period blocked (maintenance)' },
  'audit.action.booking.unblock': { ko: '예약 막기 해제', en: 'Block lifted' },
  'audit.target.booking.booking': { ko: '공간 예약', en: 'Booking' },
  'access.reason.booking.bookings.list': { ko: '공간 예약 현황 열람', en: 'Reading the bookings of a space' },
};
