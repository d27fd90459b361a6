import { addMessages } from '../../i18n/bundle.ts';

// Copy of the notification list and the bell's panel, of the alert channels on my page (push
// devices, channel choices, delivery settings) and of the one-click unsubscribe page. Korean first.
const ko = {
  list: {
    countUnit: '건',
    unreadIn: '읽지 않음 {{count}}건',
    showItems: '목록 보기 ({{count}}건)',
    seeAll: '{{count}}건 모두 보기',
  },
  bell: {
    all: '알림 전체 보기',
  },
  channelPush: '푸시',
  channelSms: '문자·알림톡',
  channelsHint:
    '이메일·푸시·문자는 맞춤 알림 수신 동의가 있어야 보냅니다. 문자는 아래 알림 설정에 휴대전화 번호를 넣어야 받습니다.',
  push: {
    title: '푸시 알림 기기',
    lead: '이 브라우저에서 푸시 알림을 받으면 창을 닫아 두어도 알림이 옵니다. 알림 종류별로 위 알림 설정에서 푸시를 켜 주십시오.',
    unsupported: '이 브라우저는 푸시 알림을 지원하지 않습니다.',
    denied: '이 브라우저에서 알림이 차단되어 있습니다. 브라우저 설정에서 이 사이트의 알림을 허용해 주십시오.',
    enable: '이 기기에서 푸시 알림 받기',
    enabled: '이 기기에서 푸시 알림을 받습니다.',
    devices: '알림을 받는 기기',
    none: '푸시 알림을 받는 기기가 없습니다.',
    thisDevice: '이 기기',
    unknownDevice: '알 수 없는 기기',
    since: '{{date}} 등록',
    remove: '삭제',
    removeLabel: '{{device}} 기기 삭제',
    removed: '기기를 삭제했습니다. 이 기기로는 더 이상 푸시 알림을 보내지 않습니다.',
  },
  settings: {
    title: '알림 받는 방법',
    quietLegend: '방해 금지 시간',
    quietEnabled: '방해 금지 시간 사용',
    quietHint:
      '이 시간에 생긴 푸시·문자·이메일 알림은 끝나는 시각에 보냅니다. 사이트 알림은 바로 보입니다. 한국 시간 기준입니다.',
    quietStart: '시작 시각',
    quietEnd: '끝 시각',
    mobile: '휴대전화 번호 (문자·알림톡)',
    mobileHint: '010-1234-5678 형식으로 입력합니다. 비워 두면 문자를 보내지 않습니다.',
    digest: '알림 이메일을 하루에 한 번 모아서 받기 (오전 8시)',
    saved: '알림 받는 방법을 저장했습니다.',
  },
  unsubscribe: {
    title: '알림 수신 거부',
    lead: '‘{{label}}’ 알림을 이메일·푸시·문자로 더 이상 받지 않습니다. 사이트 안의 알림함에는 계속 보입니다.',
    confirm: '수신 거부',
    done: '‘{{label}}’ 알림의 이메일·푸시·문자 수신을 껐습니다. 내 정보의 알림 설정에서 다시 켤 수 있습니다.',
    noToken: '수신 거부 링크가 완전하지 않습니다. 받은 알림의 링크를 다시 눌러 주십시오.',
    settingsLink: '알림 설정으로 가기',
  },
};

const en: typeof ko = {
  list: {
    countUnit: ' notifications',
    unreadIn: '{{count}} unread',
    showItems: 'Show the list ({{count}})',
    seeAll: 'See all {{count}}',
  },
  bell: {
    all: 'All notifications',
  },
  channelPush: 'Push',
  channelSms: 'Text (SMS/KakaoTalk)',
  channelsHint:
    'Email, push and text messages are sent only with your consent to personalised alerts. Text messages also need your mobile number in the delivery settings below.',
  push: {
    title: 'Push notification devices',
    lead: 'With push notifications on in this browser, alerts arrive even when the site is closed. Turn push on for each kind in the notification settings above.',
    unsupported: 'This browser does not support push notifications.',
    denied:
      'Notifications are blocked in this browser. Allow notifications for this site in the browser settings.',
    enable: 'Get push notifications on this device',
    enabled: 'This device now gets push notifications.',
    devices: 'Devices that get notifications',
    none: 'No device gets push notifications.',
    thisDevice: 'This device',
    unknownDevice: 'Unknown device',
    since: 'added {{date}}',
    remove: 'Remove',
    removeLabel: 'Remove device {{device}}',
    removed: 'The device was removed. No more push notifications go to it.',
  },
  settings: {
    title: 'How alerts reach you',
    quietLegend: 'Quiet hours',
    quietEnabled: 'Use quiet hours',
    quietHint:
      'Push, text and email alerts that arise in these hours are sent when they end. Alerts on the site show at once. Korean time.',
    quietStart: 'Start',
    quietEnd: 'End',
    mobile: 'Mobile number (text messages)',
    mobileHint: 'In the form 010-1234-5678. Leave empty to get no text messages.',
    digest: 'Get alert emails once a day in one digest (8 a.m.)',
    saved: 'Your delivery settings were saved.',
  },
  unsubscribe: {
    title: 'Unsubscribe from alerts',
    lead: 'You will no longer get “{{label}}” by email, push or text message. They stay in your notifications on the site.',
    confirm: 'Unsubscribe',
    done: 'Email, push and text messages for “{{label}}” are now off. You can turn them on again in My page.',
    noToken: 'This unsubscribe link is incomplete. Open the link in the message again.',
    settingsLink: 'Go to notification settings',
  },
};

addMessages('notify', ko, en);
