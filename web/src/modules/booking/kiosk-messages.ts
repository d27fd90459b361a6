import { addMessages } from '../../i18n/bundle.ts';

// Copy of the check-in kiosk, the QR check-in of program sessions and its links (bookingKiosk.*).
const ko = {
  open: '키오스크 화면 열기',
  openLead:
    '장소 입구의 태블릿에 띄워 두면, 이용자가 QR 코드를 비추거나 입실 코드를 입력해 스스로 입실합니다.',
  openFor: '{{place}} 키오스크 화면 열기',
  title: '{{place}} 입실 확인',
  titlePlain: '입실 확인',
  lead: 'QR 코드를 카메라에 비추거나, QR 코드 아래 입실 코드를 입력해 주십시오.',
  done: '{{name}} 님, 입실을 확인했습니다',
  doneNoName: '입실을 확인했습니다',
  where: '{{room}} · {{time}}',
  resetting: '잠시 후 처음 화면으로 돌아갑니다.',
  next: '다음 분 입실',
  placeNotFound: '장소를 찾을 수 없습니다.',
  back: '입실 확인 화면으로',
  backToPlaces: '장소 선택으로',
  signOut: '로그아웃',
  choose: '키오스크 장소 선택',
  chooseLead: '이 태블릿이 놓인 장소를 골라 주십시오. 고른 장소의 입실 확인 화면이 열립니다.',
  sessionScanTitle: 'QR 코드로 출석 확인',
  sessionScanLead:
    '참가자의 QR 코드를 읽거나 입실 코드를 입력하면 이 회차에 출석으로 표시됩니다. 회차 시작 30분 전부터 끝날 때까지 할 수 있습니다.',
  sessionDone: '{{name}} 님 출석을 확인했습니다',
  sessionSubmit: '출석 확인',
  qrWhat: '{{time}} · {{place}}',
};
const en: typeof ko = {
  open: 'Open the kiosk screen',
  openLead:
    "Show it on a tablet at the place's entrance: people check themselves in by holding up their QR code or typing their check-in code.",
  openFor: 'Open the kiosk screen of {{place}}',
  title: 'Check-in at {{place}}',
  titlePlain: 'Check-in',
  lead: 'Hold your QR code up to the camera, or type the check-in code under it.',
  done: '{{name}}, you are checked in',
  doneNoName: 'You are checked in',
  where: '{{room}} · {{time}}',
  resetting: 'The screen goes back to the start in a moment.',
  next: 'Next person',
  placeNotFound: 'The place was not found.',
  back: 'Back to check-in',
  backToPlaces: 'Choose another place',
  signOut: 'Log out',
  choose: 'Choose the kiosk place',
  chooseLead: "Choose the place where this tablet stands. That place's check-in screen opens.",
  sessionScanTitle: 'Check in by QR code',
  sessionScanLead:
    "Read a person's QR code or type their check-in code to mark them present at this session. It works from 30 minutes before the session starts until it ends.",
  sessionDone: '{{name}} is marked present',
  sessionSubmit: 'Mark present',
  qrWhat: '{{time}} · {{place}}',
};

addMessages('bookingKiosk', ko, en);
