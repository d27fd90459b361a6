import { addMessages } from '../../i18n/bundle.ts';

// Copy of the youth pages that came with issue 9 (youthPages.*): the apply button and follow
// control of a policy page, the self-check's filters and rule summary, and the compact filters on
// phones. The older youth copy lives in the shell's ko.ts/en.ts (youth.*); the staff pages' in
// staff/messages.ts (youthStaff.*).
const ko = {
  detail: {
    apply: '신청하기',
    applyOpens: '새 창에서 신청 누리집이 열립니다',
    applyNote: '신청은 운영 기관의 신청 누리집에서 합니다.',
    howToApplyLink: '신청 방법 보기',
    followTitle: '관심 등록과 공유',
    moreFollows: '분야·키워드도 관심 등록',
  },
  filters: {
    show: '검색 조건 열기',
    hide: '검색 조건 닫기',
    summary: '조건 {{count}}개 적용',
    summaryNone: '조건 없음',
  },
  check: {
    field: '분야',
    allFields: '전체 분야',
    fieldCount: '{{name}} ({{count}}건)',
    status: '신청 상태',
    statusChoice: {
      available: '신청 가능·예정',
      open: '신청 중',
      closing_soon: '마감 임박',
      upcoming: '신청 예정',
      always_open: '상시 모집',
      closed: '마감',
      all: '마감 포함 전체',
    },
    sort: '정렬',
    sortChoice: { deadline: '마감일순', newest: '최신순' },
    count: '조건에 맞는 정책이 {{count}}건 있습니다.',
    closedHidden: '마감된 정책 {{count}}건은 숨겼습니다.',
    showClosed: '마감된 정책 {{count}}건도 보기',
    noneFiltered: '고른 분야와 신청 상태에 맞는 정책이 없습니다.',
    emptyText: '다른 거주 지역이나 조건으로 다시 진단하거나, 전체 정책 목록에서 찾아보십시오.',
    emptyFiltered: '분야나 신청 상태를 바꾸면 맞는 정책을 더 볼 수 있습니다.',
    clearFilters: '거르기 조건 지우기',
    browseAll: '전체 정책 목록 보기',
    met: '조건 충족: {{names}}',
    metNoLimit: '자격 제한이 없는 정책입니다',
    allRules: '조건 {{count}}개 모두 보기',
  },
  selfCheck: {
    answers: '입력한 내용:',
    born: '{{date}} 출생',
    edit: '입력 내용 고치기',
  },
};

const en: typeof ko = {
  detail: {
    apply: 'Apply',
    applyOpens: 'opens the application site in a new window',
    applyNote: "Applications are made on the operator's application site.",
    howToApplyLink: 'How to apply',
    followTitle: 'Follow and share',
    moreFollows: 'Also follow its fields and keywords',
  },
  filters: {
    show: 'Show search options',
    hide: 'Hide search options',
    summary: '{{count}} options set',
    summaryNone: 'No options set',
  },
  check: {
    field: 'Field',
    allFields: 'All fields',
    fieldCount: '{{name}} ({{count}})',
    status: 'Application status',
    statusChoice: {
      available: 'Open or upcoming',
      open: 'Open',
      closing_soon: 'Closing soon',
      upcoming: 'Upcoming',
      always_open: 'Always open',
      closed: 'Closed',
      all: 'All, closed included',
    },
    sort: 'Sort by',
    sortChoice: { deadline: 'Deadline', newest: 'Newest' },
    count: 'Policies that fit: {{count}}.',
    closedHidden: 'Closed policies hidden: {{count}}.',
    showClosed: 'Also show the {{count}} closed policies',
    noneFiltered: 'No policy fits in the chosen field and status.',
    emptyText: 'Check again with another district or other answers, or look through the whole policy list.',
    emptyFiltered: 'Choose another field or status to see more policies that fit.',
    clearFilters: 'Clear the filters',
    browseAll: 'See all policies',
    met: 'Conditions met: {{names}}',
    metNoLimit: 'This policy has no eligibility restrictions',
    allRules: 'Show all {{count}} conditions',
  },
  selfCheck: {
    answers: 'You entered:',
    born: 'born {{date}}',
    edit: 'Change your answers',
  },
};

addMessages('youthPages', ko, en);
