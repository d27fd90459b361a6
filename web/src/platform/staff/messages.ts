import { addMessages } from '../../i18n/bundle.ts';

// The staff home's copy. Korean first (합니다체); working days leave out weekends and public holidays.
const ko = {
  title: '업무 홈',
  lead: '처리를 기다리는 일을 한눈에 봅니다. 대기 기간은 주말과 공휴일을 빼고 근무일로 셉니다.',
  queuesTitle: '기다리는 일',
  count: '{{count}}건',
  open: '처리하러 가기',
  oldest: '가장 오래 기다린 건: {{days}}근무일째',
  oldestToday: '가장 오래 기다린 건: 오늘 들어옴',
  target: '처리 목표: {{days}}근무일 이내',
  overdueCount: '목표 기한을 넘긴 건: {{count}}건',
  allClearTitle: '지금 기다리는 일이 없습니다',
  allClearText: '새 문의나 제안이 들어오면 여기에 건수와 대기 기간이 나타납니다.',
  toolsTitle: '관리 도구',
  toolsLead: '사용자와 기록, 기관 설정을 관리합니다.',
};

const en: typeof ko = {
  title: 'Staff home',
  lead: 'What is waiting for you, at a glance. Waiting time is counted in working days, without weekends and public holidays.',
  queuesTitle: 'Waiting for you',
  count: 'Waiting: {{count}}',
  open: 'Open the queue',
  oldest: 'Working days the oldest item has waited: {{days}}',
  oldestToday: 'Oldest item: came in today',
  target: 'Target: handled within {{days}} working days',
  overdueCount: 'Past the target: {{count}}',
  allClearTitle: 'Nothing is waiting right now',
  allClearText: 'New questions and suggestions appear here with their count and how long they have waited.',
  toolsTitle: 'Administration',
  toolsLead: 'People and roles, records and organization settings.',
};

addMessages('staffHome', ko, en);
