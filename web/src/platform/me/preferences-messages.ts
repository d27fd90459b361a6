import { addMessages } from '../../i18n/bundle.ts';

// The notification preferences table on my page: one row per kind of notification, one column per channel.
const ko = {
  caption: '알림 종류별로 받을 방법',
  kind: '알림 종류',
};

const en: typeof ko = {
  caption: 'How you get each kind of notification',
  kind: 'Kind of notification',
};

addMessages('mePrefs', ko, en);
