import type { Catalog } from '../../i18n/messages.ts';

export const messages: Catalog = {
  'errors.oidc_disabled': {
    ko: '외부 계정 로그인이 설정되어 있지 않습니다. 이메일과 비밀번호로 로그인해 주십시오.',
    en: 'Sign-in with an external account is not set up. Please sign in with your email and password.',
  },
};
