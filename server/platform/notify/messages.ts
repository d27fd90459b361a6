import type { Catalog } from '../i18n/messages.ts';

export const messages: Catalog = {
  'errors.push_subscriptions_limit': {
    ko: '알림을 받는 기기는 {max}대까지 등록할 수 있습니다. 내 정보에서 쓰지 않는 기기를 지운 뒤 다시 시도해 주십시오.',
    en: 'You can register up to {max} devices for notifications. Remove a device you no longer use in My page, then try again.',
  },
  'errors.unsubscribe_invalid': {
    ko: '수신 거부 링크가 올바르지 않습니다. 받은 알림의 링크를 다시 눌러 주시거나 내 정보에서 알림 설정을 바꿔 주십시오.',
    en: 'This unsubscribe link is not valid. Open the link in the message again, or change your notification settings in My page.',
  },
  'field.push_service_unknown': {
    ko: '이 브라우저의 알림 서비스 주소를 받을 수 없습니다. 다른 브라우저에서 다시 시도해 주십시오.',
    en: 'The push service address of this browser is not accepted. Try again in another browser.',
  },
};
