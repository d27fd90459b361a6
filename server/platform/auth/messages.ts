import { registerMessages } from '../i18n/messages.ts';

registerMessages({
  'errors.invalid_credentials': { ko: '이메일 또는 비밀번호가 맞지 않습니다.', en: 'The email or password is not correct.' },
});
