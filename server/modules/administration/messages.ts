import type { Catalog } from '../../platform/i18n/messages.ts';

export const messages: Catalog = {
  'errors.year_not_found': { ko: '{year}년 자료가 없습니다.', en: 'There is no data for {year}.' },
};
