import type { Catalog } from '../../../platform/i18n/messages.ts';

export const messages: Catalog = {
  'field.youth_stats_range': {
    ko: '끝 날짜는 시작 날짜와 같거나 뒤여야 합니다.',
    en: 'The end date must be on or after the start date.',
  },
};
