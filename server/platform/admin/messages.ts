import { registerMessages } from '../i18n/messages.ts';

registerMessages({
  'errors.cannot_remove_own_admin': {
    ko: '자신의 관리자 역할은 해제할 수 없습니다. 다른 관리자에게 요청해 주십시오.',
    en: 'You cannot remove your own admin role. Please ask another admin.',
  },
  'errors.two_factor_needed_before_requiring': {
    ko: '직원 2단계 인증을 의무화하려면 먼저 본인의 2단계 인증을 설정해 주십시오.',
    en: 'Please set up two-factor authentication for yourself before requiring it for staff.',
  },
});
