import type { Catalog } from '../../../platform/i18n/messages.ts';

export const messages: Catalog = {
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
};
