import { addMessages } from '../../../i18n/bundle.ts';

// Copy of a held program's minutes (programMinutes.*): shown on its page, written on the staff page.
const ko = {
  title: '회의 결과',
  published: '{{at}}에 올렸습니다.',
  staffTitle: '회의록',
  staffLead:
    '회의나 행사가 끝나면 논의한 내용과 결정한 사항을 적어 공개하십시오. 프로그램 안내 화면에 바로 보입니다.',
  notYet: '첫 회차가 시작된 뒤에 회의록을 올릴 수 있습니다.',
  label: '회의록 (논의 내용과 결정 사항)',
  publish: '회의록 공개',
  update: '회의록 고치기',
  done: '회의록을 공개했습니다.',
  labelEn: '영어 회의록 (선택)',
  hintEn: '적지 않으면 영어 화면에서도 한국어 회의록을 보여 줍니다.',
  notifyNote: '처음 공개할 때 참가가 확정된 분들께 알림을 보냅니다. 나중에 고칠 때는 다시 보내지 않습니다.',
  koreanOnly: '(한국어로만 제공됩니다 / Available in Korean only)',
};
const en: typeof ko = {
  title: 'Outcome',
  published: 'Published {{at}}.',
  staffTitle: 'Minutes',
  staffLead:
    'When the meeting or event is over, write down what was discussed and decided and publish it. It shows on the program page at once.',
  notYet: 'Minutes can be published once the first session has begun.',
  label: 'Minutes (what was discussed and decided)',
  publish: 'Publish the minutes',
  update: 'Correct the minutes',
  done: 'The minutes are published.',
  labelEn: 'Minutes in English (optional)',
  hintEn: 'Left empty, English readers see the Korean minutes.',
  notifyNote:
    'When first published, everyone with a confirmed place is notified. Later corrections are not sent again.',
  koreanOnly: '(한국어로만 제공됩니다 / Available in Korean only)',
};

addMessages('programMinutes', ko, en);
