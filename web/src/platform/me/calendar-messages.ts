import { addMessages } from '../../i18n/bundle.ts';

// Copy of the calendar subscription on my page. Korean first (합니다체).
const ko = {
  title: '캘린더 구독',
  lead: '구글 캘린더, 아이폰·맥 캘린더, 아웃룩 같은 캘린더 앱에 내 일정을 구독 주소로 넣을 수 있습니다. 지금은 관심 등록한 청년 정책의 신청 마감일이 들어가며, 앱이 몇 시간마다 새로 가져옵니다.',
  secretHint:
    '이 주소를 아는 사람은 로그인하지 않고도 내 일정을 볼 수 있습니다. 다른 사람에게 알리지 마시고, 알려졌다면 새 주소를 만들거나 구독을 끊으십시오.',
  none: '아직 구독 주소가 없습니다.',
  create: '구독 주소 만들기',
  urlLabel: '구독 주소',
  urlHint:
    '이 주소는 지금 한 번만 보여 드립니다. 복사해서 캘린더 앱의 ‘URL로 구독’ 또는 ‘구독 캘린더 추가’에 붙여 넣으십시오.',
  copy: '주소 복사',
  copied: '구독 주소를 복사했습니다.',
  copyFailed: '복사하지 못했습니다. 주소 칸의 글자를 선택해서 직접 복사해 주십시오.',
  active: '{{date}}에 만든 구독 주소가 있습니다.',
  lastUsed: '캘린더 앱이 마지막으로 가져간 때: {{date}}',
  neverUsed: '아직 캘린더 앱이 가져가지 않았습니다.',
  lostHint: '주소는 만들 때만 보여 드립니다. 잃어버렸다면 새 주소를 만드십시오.',
  regenerate: '새 주소 만들기',
  regenerateHint: '새 주소를 만들면 지금 주소는 바로 쓸 수 없게 됩니다.',
  revoke: '구독 끊기',
  revoked: '구독 주소를 없앴습니다. 캘린더 앱은 더 이상 일정을 가져오지 못합니다.',
};

const en: typeof ko = {
  title: 'Calendar subscription',
  lead: 'Add your dates to a calendar app such as Google Calendar, Apple Calendar or Outlook by subscribing to an address. For now it holds the application deadlines of the youth policies you follow; the app fetches it again every few hours.',
  secretHint:
    'Anyone who knows this address can see these dates without signing in. Keep it to yourself; if someone else has it, make a new address or end the subscription.',
  none: 'You have no subscription address yet.',
  create: 'Make a subscription address',
  urlLabel: 'Subscription address',
  urlHint:
    'This address is shown only this once. Copy it into your calendar app’s “Subscribe by URL” or “Add subscribed calendar”.',
  copy: 'Copy address',
  copied: 'The subscription address was copied.',
  copyFailed: 'It could not be copied. Select the text in the address box and copy it yourself.',
  active: 'You have a subscription address made on {{date}}.',
  lastUsed: 'Last fetched by a calendar app: {{date}}',
  neverUsed: 'No calendar app has fetched it yet.',
  lostHint: 'The address is shown only when it is made. If you have lost it, make a new one.',
  regenerate: 'Make a new address',
  regenerateHint: 'Making a new address stops the present one at once.',
  revoke: 'End the subscription',
  revoked: 'The subscription address was removed. Calendar apps can no longer fetch your dates.',
};

addMessages('calendarFeed', ko, en);
