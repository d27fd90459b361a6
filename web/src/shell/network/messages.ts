import { addMessages } from '../../i18n/bundle.ts';

// The words of the network status: the offline banner and the page that could not be opened.
// Part of the shell (every page shows the banner when offline), so small.
const ko = {
  asOf: '오프라인 상태입니다 — {{time}} 기준 내용입니다',
  notStored: '이 화면의 내용 가운데 이 기기에 저장되지 않은 것은 인터넷에 연결되면 보입니다.',
  retry: '다시 시도',
  pageTitle: '이 화면을 열 수 없습니다',
  pageOffline:
    '인터넷에 연결되어 있지 않고, 이 화면은 아직 이 기기에 저장되지 않았습니다. 연결되면 다시 시도해 주십시오. 이미 열어 본 화면은 연결 없이도 볼 수 있습니다.',
  pageBroken: '화면을 표시하는 중에 문제가 발생했습니다. 다시 시도해 주십시오.',
  home: '처음 화면으로',
};

const en: typeof ko = {
  asOf: 'You are offline — this is the content as of {{time}}',
  notStored: 'What this device has not stored yet will show when you are back online.',
  retry: 'Try again',
  pageTitle: 'This page cannot be opened',
  pageOffline:
    'You are offline and this page is not stored on this device yet. Please try again when you are back online. Pages you have already opened work without a connection.',
  pageBroken: 'Something went wrong while showing this page. Please try again.',
  home: 'Go to the home page',
};

addMessages('offline', ko, en);
