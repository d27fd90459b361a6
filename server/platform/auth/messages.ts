import type { Catalog } from '../i18n/messages.ts';

export const messages: Catalog = {
  'errors.invalid_credentials': {
    ko: '이메일 또는 비밀번호가 맞지 않습니다.',
    en: 'The email or password is not correct.',
  },
  'errors.email_not_verified': {
    ko: '이메일 주소 인증을 마치지 않았습니다. 인증 메일을 보냈으니 메일의 링크를 눌러 인증한 뒤 다시 로그인해 주십시오.',
    en: 'Your email address is not verified yet. We have sent you a verification email: open its link, then sign in again.',
  },
  'errors.login_throttled': {
    ko: '로그인 시도가 너무 많습니다. {seconds}초 후에 다시 시도해 주십시오.',
    en: 'Too many sign-in attempts. Please try again in {seconds} seconds.',
  },
  'errors.invalid_token': {
    ko: '링크가 올바르지 않거나 이미 사용되었거나 만료되었습니다. 새 링크를 요청해 주십시오.',
    en: 'This link is not valid, has already been used, or has expired. Please ask for a new one.',
  },
  'errors.invalid_current_password': {
    ko: '현재 비밀번호가 맞지 않습니다.',
    en: 'The current password is not correct.',
  },

  // Account emails. {link} is an absolute URL; {name} the person's display name.
  'email.verify.subject': {
    ko: '[함께] 이메일 주소를 인증해 주십시오',
    en: '[Hamkke] Please verify your email address',
  },
  'email.verify.text': {
    ko: '{name}님, 함께에 가입해 주셔서 감사합니다.\n\n아래 링크를 눌러 이메일 주소 인증을 마쳐 주십시오. 링크는 48시간 동안 한 번만 쓸 수 있습니다.\n\n{link}\n\n가입한 적이 없다면 이 메일을 무시하셔도 됩니다.\n\n영등포구 사회적경제과 함께',
    en: 'Hello {name}, thank you for joining Hamkke.\n\nPlease open the link below to verify your email address. It works once, for 48 hours.\n\n{link}\n\nIf you did not sign up, you can ignore this email.\n\nHamkke, Yeongdeungpo-gu Social Economy Division',
  },
  'email.reset.subject': { ko: '[함께] 비밀번호 재설정 안내', en: '[Hamkke] Resetting your password' },
  'email.reset.text': {
    ko: '{name}님, 비밀번호 재설정 요청을 받았습니다.\n\n아래 링크에서 새 비밀번호를 정해 주십시오. 링크는 1시간 동안 한 번만 쓸 수 있습니다.\n\n{link}\n\n요청한 적이 없다면 이 메일을 무시하십시오. 비밀번호는 바뀌지 않습니다.\n\n영등포구 사회적경제과 함께',
    en: 'Hello {name}, we received a request to reset your password.\n\nChoose a new password at the link below. It works once, for one hour.\n\n{link}\n\nIf you did not ask for this, ignore this email: your password stays the same.\n\nHamkke, Yeongdeungpo-gu Social Economy Division',
  },
  'email.signup_attempt.subject': {
    ko: '[함께] 이 이메일 주소로 가입 시도가 있었습니다',
    en: '[Hamkke] Someone tried to sign up with your email address',
  },
  'email.signup_attempt.text': {
    ko: '{name}님, 이미 가입된 이 이메일 주소로 누군가 새로 가입하려고 했습니다.\n\n본인이 시도했다면 기존 계정으로 로그인해 주십시오. 비밀번호가 기억나지 않으면 로그인 화면에서 재설정할 수 있습니다.\n\n{link}\n\n본인이 아니라면 이 메일을 무시하셔도 됩니다. 계정에는 아무 변화가 없습니다.\n\n영등포구 사회적경제과 함께',
    en: 'Hello {name}, someone tried to sign up again with this email address, which already has an account.\n\nIf it was you, sign in with your existing account. If you have forgotten your password, you can reset it from the sign-in page:\n\n{link}\n\nIf it was not you, you can ignore this email: nothing has changed in your account.\n\nHamkke, Yeongdeungpo-gu Social Economy Division',
  },
};
