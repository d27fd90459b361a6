import { registerMessages } from '../i18n/messages.ts';

registerMessages({
  'errors.unsubscribe_invalid': {
    ko: '수신 거부 링크가 올바르지 않습니다. 받은 알림의 링크를 다시 눌러 주시거나 내 정보에서 알림 설정을 바꿔 주십시오.',
    en: 'This unsubscribe link is not valid. Open the link in the message again, or change your notification settings in My page.',
  },
  'field.mobile_number': {
    ko: '휴대전화 번호는 010-1234-5678 형식으로 입력해 주십시오.',
    en: 'Enter a mobile number in the form 010-1234-5678.',
  },
  'field.quiet_hours_same': {
    ko: '방해 금지 시간의 시작과 끝이 같을 수 없습니다.',
    en: 'Quiet hours cannot start and end at the same time.',
  },
});
