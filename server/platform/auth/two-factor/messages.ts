import type { Catalog } from '../../i18n/messages.ts';

export const messages: Catalog = {
  'errors.invalid_two_factor_code': {
    ko: '인증 코드가 맞지 않습니다. 인증 앱에 지금 표시된 6자리 코드를 입력해 주십시오.',
    en: 'The code is not correct. Please enter the 6-digit code your authenticator app shows now.',
  },
  'errors.two_factor_expired': {
    ko: '2단계 인증 시간이 지났거나 잘못된 코드를 여러 번 입력했습니다. 처음부터 다시 로그인해 주십시오.',
    en: 'The two-step sign-in has expired or too many wrong codes were entered. Please sign in again from the start.',
  },
  'errors.two_factor_locked': {
    ko: '잘못된 인증 코드가 여러 번 입력되어 이 계정의 2단계 인증을 잠시 막았습니다. {seconds}초 후에 다시 시도해 주십시오.',
    en: 'Too many wrong codes were entered for this account, so two-step verification is paused. Please try again in {seconds} seconds.',
  },
  'errors.two_factor_already_enabled': {
    ko: '2단계 인증이 이미 켜져 있습니다. 새로 설정하려면 먼저 끄십시오.',
    en: 'Two-step verification is already on. Turn it off first to set it up again.',
  },
  'errors.two_factor_not_set_up': {
    ko: '2단계 인증 설정을 먼저 시작해 주십시오.',
    en: 'Please start setting up two-step verification first.',
  },
  'errors.two_factor_not_enabled': {
    ko: '2단계 인증이 켜져 있지 않습니다.',
    en: 'Two-step verification is not on.',
  },
  'errors.two_factor_required_by_organization': {
    ko: '소속 기관이 직원과 관리자에게 2단계 인증을 요구하므로 끌 수 없습니다.',
    en: 'Your organization requires two-step verification for staff and administrators, so it cannot be turned off.',
  },
  'errors.two_factor_password_incorrect': {
    ko: '비밀번호가 맞지 않습니다.',
    en: 'The password is not correct.',
  },
};
