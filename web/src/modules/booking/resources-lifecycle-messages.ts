import { addMessages } from '../../i18n/bundle.ts';

// Copy of adding and retiring rooms, desks and the vehicle (resourceLife.*), loaded with those pages.
const ko = {
  add: '공간 추가',
  newTitle: '예약 공간 추가',
  newLead: '장소에 새 회의실, 좌석, 차량을 추가합니다. 저장하면 바로 예약 화면에 보입니다.',
  place: '장소',
  nameKo: '이름 (한국어)',
  nameEn: '이름 (영어)',
  kind: '종류',
  rules: '예약 규칙',
  create: '추가하기',
  created: '「{{name}}」을(를) 추가했습니다.',
  retireTitle: '운영 종료',
  retireLead:
    '더 이상 쓰지 않는 공간은 운영을 종료합니다. 지난 예약과 이용 통계는 그대로 남고, 새 예약은 받지 않습니다.',
  retireConfirm: '「{{name}}」의 새 예약을 더 받지 않는 것을 확인했습니다',
  retireConfirmNeeded: '운영 종료를 확인하는 칸에 표시해 주십시오.',
  retire: '운영 종료하기',
  retired: '「{{name}}」의 운영을 종료했습니다.',
  retiredAhead:
    '앞으로 남은 예약이 {{count}}건 있습니다. 예약 승인·관리 화면에서 사유를 적어 취소하면 예약한 분께 알림이 갑니다.',
};
const en: typeof ko = {
  add: 'Add a room',
  newTitle: 'Add a bookable room',
  newLead:
    'Add a meeting room, desk or vehicle to a place. It shows on the booking pages as soon as you save.',
  place: 'Place',
  nameKo: 'Name (Korean)',
  nameEn: 'Name (English)',
  kind: 'Kind',
  rules: 'Booking rules',
  create: 'Add',
  created: '“{{name}}” is added.',
  retireTitle: 'Retire',
  retireLead:
    'Retire a room that is no longer used. Past bookings and the usage statistics stay; no new bookings are taken.',
  retireConfirm: 'I understand that “{{name}}” will take no new bookings',
  retireConfirmNeeded: 'Tick the box to confirm retiring it.',
  retire: 'Retire it',
  retired: '“{{name}}” is retired.',
  retiredAhead:
    '{{count}} bookings are still ahead. Cancel them with a reason on the approvals and bookings page, and each person is told.',
};

addMessages('resourceLife', ko, en);
