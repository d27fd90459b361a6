import type { Catalog } from '../i18n/messages.ts';

export const messages: Catalog = {
  'errors.consent_required': {
    ko: '필수 동의 항목에 동의해야 가입할 수 있습니다.',
    en: 'You must agree to the required items to sign up.',
  },
  'errors.consent_required_cannot_withdraw': {
    ko: '필수 동의는 철회할 수 없습니다. 동의를 거두려면 회원 탈퇴를 해 주십시오.',
    en: 'A required consent cannot be withdrawn. To withdraw it, please delete your account.',
  },
  'errors.delete_password_incorrect': {
    ko: '비밀번호가 맞지 않습니다. 다시 입력해 주십시오.',
    en: 'The password is not correct. Please enter it again.',
  },
  'errors.last_admin_cannot_delete': {
    ko: '기관의 마지막 관리자는 탈퇴할 수 없습니다. 다른 사람에게 관리자 역할을 먼저 부여해 주십시오.',
    en: 'The last admin of an organization cannot delete their account. Please grant the admin role to someone else first.',
  },
};
