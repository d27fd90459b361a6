// What a person reads when a field breaks a contract's rule, in Korean and English. The server
// answers a 400 with these words and the web's forms show the same ones before anything is sent,
// so the two never disagree. `{name}` placeholders are filled from the issue.
export type FieldMessages = Record<string, { ko: string; en: string }>;

export const FIELD_MESSAGES: FieldMessages = {
  'field.required': { ko: '필수 항목입니다.', en: 'This field is required.' },
  'field.invalid_type': { ko: '{expected} 형식이어야 합니다.', en: 'Must be of type {expected}.' },
  'field.too_small_string': {
    ko: '{minimum}자 이상 입력해 주십시오.',
    en: 'Must be at least {minimum} characters.',
  },
  'field.too_big_string': {
    ko: '{maximum}자 이하로 입력해 주십시오.',
    en: 'Must be at most {maximum} characters.',
  },
  'field.too_small_number': { ko: '{minimum} 이상이어야 합니다.', en: 'Must be at least {minimum}.' },
  'field.too_big_number': { ko: '{maximum} 이하여야 합니다.', en: 'Must be at most {maximum}.' },
  'field.too_small_array': { ko: '{minimum}개 이상 골라 주십시오.', en: 'Choose at least {minimum}.' },
  'field.too_big_array': { ko: '{maximum}개 이하로 골라 주십시오.', en: 'Choose at most {maximum}.' },
  'field.unrecognized_keys': { ko: '알 수 없는 항목이 있습니다: {keys}', en: 'Unknown fields: {keys}' },
  'field.invalid_format': {
    ko: '형식이 올바르지 않습니다.',
    en: 'The format is not valid.',
  },
  'field.invalid_email': {
    ko: '이메일 주소 형식이 올바르지 않습니다. 예: name@example.com',
    en: 'This is not a valid email address. For example: name@example.com',
  },
  'field.invalid_value': {
    ko: '허용되지 않는 값입니다. 가능한 값: {values}',
    en: 'This value is not allowed. Allowed: {values}',
  },
  'field.invalid': { ko: '올바르지 않은 값입니다.', en: 'This value is not valid.' },
  // Rules of particular contracts (their refine() names the key).
  'field.name_chars': {
    ko: "이름에는 글자, 숫자, 공백과 . ' - _ · 만 쓸 수 있습니다.",
    en: "A name may contain only letters, digits, spaces and . ' - _ ·",
  },
  'field.text_chars': {
    ko: '보이지 않는 제어 문자(NUL 등)나 깨진 문자가 있습니다. 지우고 다시 입력해 주십시오.',
    en: 'Contains invisible control characters (such as NUL) or broken characters. Please remove them and try again.',
  },
  'field.mobile_number': {
    ko: '휴대전화 번호는 010-1234-5678 형식으로 입력해 주십시오.',
    en: 'Enter a mobile number in the form 010-1234-5678.',
  },
  'field.quiet_hours_same': {
    ko: '방해 금지 시간의 시작과 끝이 같을 수 없습니다.',
    en: 'Quiet hours cannot start and end at the same time.',
  },
  'field.round_order': {
    ko: '신청 종료일은 시작일과 같거나 뒤여야 합니다.',
    en: 'Each round must end on or after the day it starts.',
  },
  'field.youth_real_date': {
    ko: '실제 있는 날짜를 YYYY-MM-DD 형식으로 입력해 주십시오.',
    en: 'Enter a real date as YYYY-MM-DD.',
  },
  'field.youth_not_in_future': {
    ko: '오늘 이후의 날짜는 입력할 수 없습니다.',
    en: 'The date cannot be later than today.',
  },
  'field.youth_region_code': {
    ko: '시군구 코드 5자리 숫자를 입력해 주십시오(예: 영등포구 11560).',
    en: 'Enter the 5-digit district code (for example 11560 for Yeongdeungpo-gu).',
  },
  // A working group's decision (contracts/governance-projects.ts).
  'field.governance_vote_counts': {
    ko: '표결로 정했으면 찬성·반대·기권 수를 모두 적고, 합의로 정했으면 비워 두십시오.',
    en: 'For a vote, give the counts for, against and abstaining; for consensus, leave them empty.',
  },
  // A working group's documents (contracts/governance-project-records.ts).
  'field.https_url': {
    ko: 'https://로 시작하는 주소를 입력해 주십시오(예: https://example.kr/자료).',
    en: 'Enter an address that starts with https:// (for example https://example.kr/file).',
  },
  'field.governance_document_content': {
    ko: '자료의 주소나 짧은 메모 가운데 하나는 적어 주십시오.',
    en: 'Give the document’s address or a short note, or both.',
  },
  // Booking check-in (contracts/booking.ts).
  'field.booking_checkin_code': {
    ko: '입실 코드 10자리를 확인해 주십시오(영문 대문자와 숫자).',
    en: 'Check the 10-character check-in code (capital letters and digits).',
  },
  // Booking rules, hours and closed dates set by staff (contracts/booking-admin.ts).
  'field.booking_clock': {
    ko: '시각을 00:00부터 24:00 사이로 입력해 주십시오(예: 09:30).',
    en: 'Enter a time from 00:00 to 24:00 (for example 09:30).',
  },
  'field.booking_slot_step': {
    ko: '예약 단위는 10분 단위로 정해 주십시오(예: 30분, 60분).',
    en: 'Make the slot length a multiple of 10 minutes (for example 30 or 60).',
  },
  'field.booking_day_limit_slots': {
    ko: '하루 최대 이용 시간은 예약 단위의 배수여야 합니다. 예약 단위를 나누어떨어지게 맞춰 주십시오.',
    en: 'The daily limit must be a whole number of slots. Make it a multiple of the slot length.',
  },
  'field.booking_window_order': {
    ko: '예약 마감은 예약이 열리는 때보다 뒤여야 합니다. 마감 시간을 줄이거나 며칠 전부터 열지 늘려 주십시오.',
    en: 'Booking must close after it opens. Shorten the closing time or open booking more days ahead.',
  },
  'field.booking_no_show_slot': {
    ko: '노쇼 처리 시간은 예약 단위보다 짧아야 합니다.',
    en: 'The no-show cut-off must be shorter than one slot.',
  },
  'field.booking_hours_order': {
    ko: '닫는 시각은 여는 시각보다 뒤여야 합니다.',
    en: 'Closing time must come after opening time.',
  },
  'field.booking_weekday_twice': {
    ko: '같은 요일을 두 번 입력할 수 없습니다.',
    en: 'A weekday can be given only once.',
  },
  'field.booking_range_order': {
    ko: '끝나는 날은 시작하는 날과 같거나 뒤여야 합니다.',
    en: 'The last day must be on or after the first day.',
  },
  'field.booking_range_length': {
    ko: '한 번에 92일까지 입력할 수 있습니다. 나누어 입력해 주십시오.',
    en: 'Enter at most 92 days at once. Split a longer closure into parts.',
  },
  // Booking usage statistics (contracts/booking-stats.ts).
  'field.booking_stats_both': {
    ko: '시작일과 종료일을 함께 입력해 주십시오.',
    en: 'Give both the first and the last day.',
  },
  'field.booking_stats_order': {
    ko: '종료일은 시작일과 같거나 뒤여야 합니다.',
    en: 'The last day cannot come before the first.',
  },
  'field.booking_stats_span': {
    ko: '기간은 최대 1년(366일)까지 고를 수 있습니다.',
    en: 'The range can be at most one year (366 days).',
  },
  // Booking programs (contracts/booking-programs.ts).
  'field.program_session_order': {
    ko: '끝나는 시각은 시작 시각보다 뒤여야 합니다.',
    en: 'The end must come after the start.',
  },
  'field.program_session_place': {
    ko: '장소(예약 공간이나 주소)를 적거나 온라인으로 표시해 주십시오.',
    en: 'Give a place (a room or an address) or mark the session as online.',
  },
  'field.program_window_order': {
    ko: '신청 마감은 신청 시작보다 뒤여야 합니다.',
    en: 'Registration must close after it opens.',
  },
  'field.program_age_order': {
    ko: '최대 나이는 최소 나이보다 작을 수 없습니다.',
    en: 'The highest age cannot be below the lowest.',
  },
  'field.poll_window_order': {
    ko: '투표 마감은 투표 시작보다 뒤여야 합니다.',
    en: 'Voting must close after it opens.',
  },
  'field.poll_age_order': {
    ko: '최대 나이는 최소 나이보다 작을 수 없습니다.',
    en: 'The highest age cannot be below the lowest.',
  },
  'field.poll_max_choices': {
    ko: '"최대 N개 선택" 투표에만 고를 수 있는 개수를 정하며, 선택지 수를 넘을 수 없습니다.',
    en: 'Only a "pick up to N" poll sets how many may be chosen, and no more than there are options.',
  },
};

/** A Zod issue as the server's validator hands it over (code, the issue's other properties) or as Zod makes it. */
export interface FieldIssue {
  code: string;
  params: Record<string, unknown>;
  /** True when the value was not sent at all. */
  missing: boolean;
}

/**
 * The message key and values for one failed rule. `known` says whether a key has words (a
 * contract's own messageKey may name one that only the server's catalog holds).
 */
export function fieldMessageOf(
  issue: FieldIssue,
  known: (key: string) => boolean = (key) => key in FIELD_MESSAGES,
): { code: string; key: string; params: Record<string, unknown> } {
  const p = issue.params;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.missing) return { code: 'required', key: 'field.required', params: {} };
      return { code: 'invalid_type', key: 'field.invalid_type', params: { expected: p.expected } };
    case 'too_small':
    case 'too_big': {
      // Empty where text is needed reads "required", not "at least 1 character".
      if (issue.code === 'too_small' && p.origin === 'string' && Number(p.minimum) === 1)
        return { code: 'too_small', key: 'field.required', params: {} };
      const kind =
        p.origin === 'string' ? 'string' : p.origin === 'array' || p.origin === 'set' ? 'array' : 'number';
      return { code: issue.code, key: `field.${issue.code}_${kind}`, params: p };
    }
    case 'unrecognized_keys':
      return {
        code: 'unrecognized_keys',
        key: 'field.unrecognized_keys',
        params: { keys: ((p.keys as string[]) ?? []).join(', ') },
      };
    case 'invalid_format':
      // The format's name (email, uuid, regex) is a code: people read what to type instead.
      return {
        code: 'invalid_format',
        key: p.format === 'email' ? 'field.invalid_email' : 'field.invalid_format',
        params: {},
      };
    case 'invalid_value':
      return {
        code: 'invalid_value',
        key: 'field.invalid_value',
        params: { values: ((p.values as unknown[]) ?? []).join(', ') },
      };
    case 'custom':
      if (typeof p.params === 'object' && p.params && 'messageKey' in p.params) {
        const key = String((p.params as { messageKey: string }).messageKey);
        if (known(key)) return { code: key.split('.').pop() ?? 'invalid', key, params: {} };
      }
      return { code: 'invalid', key: 'field.invalid', params: {} };
    default:
      return { code: issue.code, key: 'field.invalid', params: {} };
  }
}

/** Fills `{name}` placeholders; an unknown one stays as it is. */
export function fillMessage(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : `{${name}}`));
}
