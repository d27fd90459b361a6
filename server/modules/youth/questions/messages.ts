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
  'audit.action.youth.question.answer': { ko: '문의 답변 등록', en: 'Question answered' },
  'audit.action.youth.question.answer_edit': { ko: '문의 답변 수정', en: 'Answer to a question corrected' },
  'audit.target.youth.question': { ko: '청년 정책 문의', en: 'Youth policy question' },
  'access.reason.youth.questions.list': {
    ko: '정책 문의 목록 열람',
    en: 'Reading the questions on a policy',
  },
  'access.reason.youth.questions.inbox': { ko: '정책 문의 함 열람', en: 'Reading the question inbox' },
  'access.reason.youth.questions.answer': { ko: '정책 문의 답변', en: 'Answering a question' },
};
