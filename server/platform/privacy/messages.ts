import { registerMessages } from '../i18n/messages.ts';

registerMessages({
  'errors.consent_required': { ko: '필수 동의 항목에 동의해야 가입할 수 있습니다.', en: 'You must agree to the required items to sign up.' },
});
