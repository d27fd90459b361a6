import type { Catalog } from '../../../platform/i18n/messages.ts';

export const programMessages: Catalog = {
  'errors.program_not_found': { ko: '강좌·행사를 찾을 수 없습니다.', en: 'The program was not found.' },
  'errors.program_code_taken': {
    ko: '같은 코드({code})의 강좌·행사가 이미 있습니다.',
    en: 'A program with the code {code} already exists.',
  },
  'errors.program_mode_locked': {
    ko: '추첨 준비가 시작되어 신청 방식을 바꿀 수 없습니다.',
    en: 'The lottery has been prepared, so the registration mode can no longer change.',
  },
  'errors.program_not_open': {
    ko: '아직 신청 기간이 아닙니다. {opensAt}부터 신청할 수 있습니다.',
    en: 'Registration has not opened yet. It opens at {opensAt} (Korea time).',
  },
  'errors.program_closed': { ko: '신청 기간이 끝났습니다.', en: 'Registration has closed.' },
  'errors.program_residents_only': {
    ko: '이 강좌·행사는 주민만 신청할 수 있습니다.',
    en: 'Only residents can register for this program.',
  },
  'errors.program_role_only': {
    ko: '이 강좌·행사는 정해진 대상만 신청할 수 있습니다.',
    en: 'This program is open to a particular group only, and you are not in it.',
  },
  'errors.program_birth_date_needed': {
    ko: '나이 조건이 있는 강좌·행사입니다. 생년월일을 입력해 주십시오.',
    en: 'This program has an age limit. Please give your date of birth.',
  },
  'errors.program_age': {
    ko: '연령 조건(만 {range}세)에 해당하지 않아 신청할 수 없습니다.',
    en: 'You cannot register: the program is for ages {range}.',
  },
  'errors.program_registration_not_found': {
    ko: '신청 내역을 찾을 수 없습니다.',
    en: 'No registration of yours was found for this program.',
  },
  'errors.program_cancel_too_late': {
    ko: '이미 시작한 강좌·행사는 신청을 취소할 수 없습니다.',
    en: 'The program has already started, so the registration cannot be cancelled.',
  },
  'errors.program_no_offer': {
    ko: '확정할 자리가 없습니다. 자리가 나면 알려 드립니다.',
    en: 'There is no seat offered to you to confirm. You will be told when one frees up.',
  },
  'errors.program_offer_expired': {
    ko: '확정 기한이 지나 자리가 다음 대기자에게 넘어갔습니다.',
    en: 'The deadline to confirm has passed, and the seat went to the next person waiting.',
  },
  'errors.program_not_lottery': {
    ko: '추첨으로 선정하는 강좌·행사가 아닙니다.',
    en: 'This program is not filled by lottery.',
  },
  'errors.program_still_open': {
    ko: '신청 기간이 끝난 뒤에 추첨 명단을 확정할 수 있습니다.',
    en: 'The list of applicants can be fixed only after registration closes.',
  },
  'errors.program_digest_unpublished': {
    ko: '추첨 전에 신청자 명단의 요약값(digest)을 먼저 공개해 주십시오.',
    en: 'Publish the digest of the applicants first, before the draw.',
  },
  'errors.program_digest_changed': {
    ko: '공개한 요약값과 지금의 신청자 명단이 다릅니다. 추첨할 수 없습니다.',
    en: 'The applicants no longer match the published digest, so the draw cannot run.',
  },
  'errors.program_list_fixed': {
    ko: '추첨 명단이 공개되어 추첨 전까지는 응모를 취소할 수 없습니다. 추첨 뒤에 취소해 주십시오.',
    en: 'The list of applicants is published, so entries cannot be withdrawn until the draw. Cancel after it.',
  },
  'errors.program_not_held_yet': {
    ko: '회의록은 첫 회차가 시작된 뒤에 올릴 수 있습니다.',
    en: 'Minutes can be published once the first session has begun.',
  },
  'audit.action.booking.program_minutes': { ko: '강좌·행사 회의록 공개', en: 'Program minutes published' },
  'errors.program_already_drawn': { ko: '이미 추첨했습니다.', en: 'The lottery has already been drawn.' },
  'errors.program_not_drawn': { ko: '아직 추첨하지 않았습니다.', en: 'The lottery has not been drawn yet.' },
  'audit.action.booking.program_create': { ko: '강좌·행사 등록', en: 'Program created' },
  'audit.action.booking.program_update': { ko: '강좌·행사 수정', en: 'Program edited' },
  'audit.action.booking.registration_confirmed': {
    ko: '강좌·행사 신청(확정)',
    en: 'Registered (seat confirmed)',
  },
  'audit.action.booking.registration_waiting': {
    ko: '강좌·행사 신청(대기)',
    en: 'Registered (waiting list)',
  },
  'audit.action.booking.registration_applied': { ko: '강좌·행사 추첨 응모', en: 'Applied for the lottery' },
  'audit.action.booking.registration_cancel': { ko: '강좌·행사 신청 취소', en: 'Registration cancelled' },
  'audit.action.booking.registration_confirm': { ko: '대기 자리 확정', en: 'Offered seat confirmed' },
  'audit.action.booking.registration_offered': {
    ko: '대기자에게 자리 안내',
    en: 'Seat offered to the next person',
  },
  'audit.action.booking.registration_lapsed': { ko: '자리 확정 기한 경과', en: 'Offer lapsed' },
  'audit.action.booking.registration_declined': { ko: '안내된 자리 사양', en: 'Offer declined' },
  'audit.action.booking.lottery_digest': { ko: '추첨 명단 요약값 공개', en: 'Lottery digest published' },
  'audit.action.booking.lottery_draw': { ko: '추첨', en: 'Lottery drawn' },
  'errors.program_session_not_found': { ko: '회차를 찾을 수 없습니다.', en: 'The session was not found.' },
  'errors.program_session_not_started': {
    ko: '출석은 회차 시작 1시간 전부터 확인할 수 있습니다.',
    en: 'Attendance can be taken from an hour before the session starts.',
  },
  'errors.program_attendance_not_registered': {
    ko: '출석을 확인할 수 있는 사람은 자리가 확정된 신청자뿐입니다.',
    en: 'Attendance can be marked only for people holding a confirmed seat.',
  },
  'errors.program_not_completed': {
    ko: '수료 기준을 채운 분만 수료증을 받을 수 있습니다.',
    en: 'The certificate is issued only to people who met the completion rule.',
  },
  'errors.program_survey_attendees_only': {
    ko: '회차에 한 번 이상 출석한 분만 만족도 조사에 답할 수 있습니다.',
    en: 'Only people who attended at least one session can answer the survey.',
  },
  'errors.program_survey_not_yet': {
    ko: '만족도 조사는 마지막 회차가 끝난 뒤에 답할 수 있습니다.',
    en: 'The survey opens once the last session has ended.',
  },
  'errors.program_survey_answered': {
    ko: '이미 만족도 조사에 답하셨습니다.',
    en: 'You have already answered the survey.',
  },
  'audit.action.booking.attendance_marked': { ko: '출석 확인', en: 'Attendance taken' },
  'audit.action.booking.survey_answered': { ko: '만족도 조사 응답', en: 'Survey answered' },
  'access.reason.booking.attendance.roll': {
    ko: '강좌·행사 출석부 열람',
    en: 'Reading the roll of a session',
  },
  'access.reason.booking.certificate': {
    ko: '수료증 발급(담당자)',
    en: 'Issuing a completion certificate (staff)',
  },
  'audit.target.booking.session': { ko: '강좌·행사 회차', en: 'Session' },
  'staff.queue.booking.roll_call': {
    ko: '출석 확인이 남은 강좌·행사 회차',
    en: 'Sessions with no roll call yet',
  },
  'access.reason.booking.registrations.list': {
    ko: '강좌·행사 신청자 명단 열람',
    en: 'Reading the people registered for a program',
  },
  'audit.target.booking.program': { ko: '강좌·행사', en: 'Program' },
  'audit.target.booking.registration': { ko: '강좌·행사 신청', en: 'Registration' },
};
