import type { Catalog } from '../../../platform/i18n/messages.ts';

export const messages: Catalog = {
  'youth.import.not_an_object': {
    ko: '정책 항목이 객체 형식이 아닙니다.',
    en: 'The record is not an object.',
  },
  'youth.import.not_text': {
    ko: '{field} 항목의 값이 문자열이 아닙니다.',
    en: 'The value of {field} is not text.',
  },
  'youth.import.missing_id': {
    ko: '정책번호(plcyNo)가 없거나 올바르지 않습니다.',
    en: 'The policy number (plcyNo) is missing or not valid.',
  },
  'youth.import.missing_title': {
    ko: '정책명(plcyNm)이 없습니다.',
    en: 'The policy name (plcyNm) is missing.',
  },
  'youth.import.title_too_long': {
    ko: '정책명(plcyNm)이 300자를 넘습니다.',
    en: 'The policy name (plcyNm) is longer than 300 characters.',
  },
  'youth.import.bad_date': {
    ko: '{field} 항목의 날짜({value})가 올바르지 않습니다.',
    en: 'The date in {field} ({value}) is not a valid date.',
  },
  'youth.import.bad_number': {
    ko: '{field} 항목의 값({value})이 숫자가 아닙니다.',
    en: 'The value of {field} ({value}) is not a number.',
  },
  'youth.import.bad_code': {
    ko: '{field} 항목의 코드({value})가 올바르지 않습니다.',
    en: 'The code in {field} ({value}) is not valid.',
  },
  'youth.import.bad_round': {
    ko: '신청기간(aplyYmd) "{value}"을(를) 읽을 수 없습니다.',
    en: 'The application period (aplyYmd) "{value}" cannot be read.',
  },
  'youth.import.round_inverted': {
    ko: '신청기간(aplyYmd) "{value}"의 종료일이 시작일보다 앞섭니다.',
    en: 'The application period (aplyYmd) "{value}" ends before it starts.',
  },
  'youth.import.ages_inverted': {
    ko: '최소 연령({min}세)이 최대 연령({max}세)보다 큽니다.',
    en: 'The minimum age ({min}) is above the maximum age ({max}).',
  },
  'youth.import.duplicate': {
    ko: '같은 정책번호가 파일의 {index}번째 항목에 이미 있습니다.',
    en: 'The same policy number already appears in record {index} of the file.',
  },
  'youth.import.batch_failed': {
    ko: '이 항목이 속한 묶음을 저장하지 못해 되돌렸습니다. 다시 가져오기를 시도해 주십시오.',
    en: 'The batch holding this record could not be saved and was rolled back. Please import again.',
  },
  'errors.youth_import_unreadable': {
    ko: '온통청년 정책 목록(result.youthPolicyList) 또는 정책 배열이 아닙니다.',
    en: 'This is not a 온통청년 policy list (result.youthPolicyList) or an array of policies.',
  },
  'errors.youth_policy_transition': {
    ko: '{from} 상태에서 {to} 상태로 바꿀 수 없습니다.',
    en: 'A policy cannot go from {from} to {to}.',
  },
  'errors.youth_policy_not_local': {
    ko: '전국 정책은 가져오기로만 고칠 수 있습니다.',
    en: 'National policies change only through import.',
  },
  'errors.youth_cursor': { ko: '목록 위치 정보가 올바르지 않습니다.', en: 'The list cursor is not valid.' },
  'field.age_order': {
    ko: '최대 연령은 최소 연령보다 작을 수 없습니다.',
    en: 'The maximum age cannot be below the minimum age.',
  },
  // The deadline calendar (calendar.ts).
  'errors.youth_no_deadline': {
    ko: '이 정책에는 달력에 추가할 신청 마감일이 없습니다.',
    en: 'This policy has no application deadline to add to a calendar.',
  },
};
