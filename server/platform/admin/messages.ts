import type { Catalog } from '../i18n/messages.ts';

export const messages: Catalog = {
  'errors.search_reason_required': {
    ko: '사람을 찾으려면 찾는 사유를 2자 이상 적어 주십시오. 사유는 개인정보 접속기록에 남습니다.',
    en: 'To search for people, please give a reason of at least 2 characters. It is kept in the personal-data access log.',
  },
  'errors.cannot_remove_own_admin': {
    ko: '자신의 관리자 역할은 해제할 수 없습니다. 다른 관리자에게 요청해 주십시오.',
    en: 'You cannot remove your own admin role. Please ask another admin.',
  },
  'errors.two_factor_needed_before_requiring': {
    ko: '직원 2단계 인증을 의무화하려면 먼저 본인의 2단계 인증을 설정해 주십시오.',
    en: 'Please set up two-factor authentication for yourself before requiring it for staff.',
  },
};
