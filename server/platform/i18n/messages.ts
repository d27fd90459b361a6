import { FIELD_MESSAGES, fillMessage } from '../../../contracts/field-messages.ts';
import type { Locale } from './locale.ts';

// Server-side messages (errors, emails, notifications). Keys are grouped by area; every key has
// both languages. `{name}` placeholders are filled from params.
export type Catalog = Record<string, { ko: string; en: string }>;

const catalog: Catalog = {
  // errors: generic
  'errors.bad_request': {
    ko: '요청을 처리할 수 없습니다. 입력한 내용을 확인해 주십시오.',
    en: 'The request could not be processed. Please check what you entered.',
  },
  'errors.validation_failed': {
    ko: '입력한 내용에 오류가 있습니다. 표시된 항목을 고쳐 주십시오.',
    en: 'Some fields are not valid. Please correct the fields listed.',
  },
  'errors.invalid_json': {
    ko: '요청 본문이 올바른 JSON 형식이 아닙니다.',
    en: 'The request body is not valid JSON.',
  },
  'errors.unauthenticated': { ko: '로그인이 필요합니다.', en: 'You need to sign in.' },
  'errors.forbidden': { ko: '이 작업을 할 권한이 없습니다.', en: 'You do not have permission to do this.' },
  'errors.not_found': { ko: '요청한 내용을 찾을 수 없습니다.', en: 'What you asked for could not be found.' },
  'errors.method_not_allowed': {
    ko: '이 주소는 {method} 요청을 지원하지 않습니다.',
    en: 'This address does not accept {method} requests.',
  },
  'errors.conflict': {
    ko: '다른 변경과 충돌합니다. 새로 고친 뒤 다시 시도해 주십시오.',
    en: 'This conflicts with another change. Please reload and try again.',
  },
  'errors.payload_too_large': {
    ko: '보낸 내용이 너무 큽니다. {limit} 이하로 보내 주십시오.',
    en: 'What you sent is too large. Please send at most {limit}.',
  },
  'errors.unsupported_media_type': {
    ko: '지원하지 않는 형식입니다. application/json으로 보내 주십시오.',
    en: 'This format is not supported. Please send application/json.',
  },
  'errors.unprocessable': {
    ko: '요청을 이해했지만 처리할 수 없습니다.',
    en: 'The request was understood but cannot be carried out.',
  },
  'errors.page_title': {
    ko: '함께 — 요청을 처리하지 못했습니다',
    en: 'Hamkke — the request could not be completed',
  },
  'errors.page_home': { ko: '첫 화면으로 가기', en: 'Go to the home page' },
  'errors.rate_limited': {
    ko: '요청이 너무 많습니다. {seconds}초 후에 다시 시도해 주십시오.',
    en: 'Too many requests. Please try again in {seconds} seconds.',
  },
  'errors.internal': {
    ko: '서버에서 오류가 발생했습니다. 문제가 계속되면 요청 번호와 함께 문의해 주십시오.',
    en: 'Something went wrong on the server. If it keeps happening, contact us with the request number.',
  },
  'errors.csrf': {
    ko: '보안 토큰이 없거나 맞지 않습니다. 페이지를 새로 고친 뒤 다시 시도해 주십시오.',
    en: 'The security token is missing or does not match. Please reload the page and try again.',
  },
  'errors.not_ready': { ko: '서비스가 아직 준비되지 않았습니다.', en: 'The service is not ready yet.' },
  'errors.json_too_deep': {
    ko: '요청 본문의 JSON이 너무 깊게 중첩되어 있습니다. {max}단계 이하로 보내 주십시오.',
    en: 'The JSON in the request body is nested too deeply. Please send at most {max} levels.',
  },
  'errors.invalid_text': {
    ko: '보낸 내용에 저장할 수 없는 문자(NUL 등)가 있습니다. 지우고 다시 보내 주십시오.',
    en: 'What you sent contains characters that cannot be stored (such as NUL). Please remove them and try again.',
  },
  'errors.database_unavailable': {
    ko: '데이터베이스에 잠시 연결할 수 없습니다. {seconds}초 후에 다시 시도해 주십시오.',
    en: 'The database cannot be reached for a moment. Please try again in {seconds} seconds.',
  },
  // validation field messages: shared with the web's forms
  ...FIELD_MESSAGES,
};

export function registerMessages(more: Catalog): void {
  for (const [key, value] of Object.entries(more)) {
    if (catalog[key]) throw new Error(`Duplicate message key ${key}`);
    catalog[key] = value;
  }
}

export function hasMessage(key: string): boolean {
  return key in catalog;
}

/** Every key that starts with the prefix, in sorted order (e.g. each audit action that has words). */
export function messageKeys(prefix: string): string[] {
  return Object.keys(catalog)
    .filter((key) => key.startsWith(prefix))
    .sort();
}

export function t(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const entry = catalog[key];
  return fillMessage(entry ? entry[locale] : key, params);
}
