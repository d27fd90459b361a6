import type { Catalog } from '../../../platform/i18n/messages.ts';

export const messages: Catalog = {
  'errors.youth_question_not_found': {
    ko: '문의를 찾을 수 없습니다.',
    en: 'The question was not found.',
  },
  'staff.queue.youth.questions': {
    ko: '답변을 기다리는 청년 정책 문의',
    en: 'Youth policy questions waiting for an answer',
  },
};
