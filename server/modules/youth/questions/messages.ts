import { registerMessages } from '../../../platform/i18n/messages.ts';

registerMessages({
  'errors.youth_question_not_found': {
    ko: '문의를 찾을 수 없습니다.',
    en: 'The question was not found.',
  },
});
