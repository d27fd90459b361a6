import { addMessages } from '../../i18n/bundle.ts';

// The audit log's and the access log's own words beside the shared admin copy.
const ko = {
  allActions: '모든 작업',
  emptyAuditTitle: '아직 남은 감사 기록이 없습니다',
  emptyAuditText: '직원이나 관리자가 역할, 기관 설정, 정책 같은 내용을 바꾸면 여기에 남습니다.',
  emptyFilteredTitle: '고른 작업의 기록이 없습니다',
  emptyFilteredText: '다른 작업을 고르거나 모든 작업을 보십시오.',
  emptyAccessTitle: '아직 남은 개인정보 접속기록이 없습니다',
  emptyAccessText: '직원이 다른 사람의 개인정보를 조회하면 누가, 언제, 무엇을, 왜 보았는지 여기에 남습니다.',
  ip: 'IP {{ip}}',
};

const en: typeof ko = {
  allActions: 'All actions',
  emptyAuditTitle: 'Nothing in the audit log yet',
  emptyAuditText:
    'When staff or admins change roles, organization settings, policies and the like, it is recorded here.',
  emptyFilteredTitle: 'No entries for the chosen action',
  emptyFilteredText: 'Choose another action or show all actions.',
  emptyAccessTitle: 'Nothing in the personal-data access log yet',
  emptyAccessText:
    'When staff view someone else’s personal data, who viewed what, when and why is recorded here.',
  ip: 'IP {{ip}}',
};

addMessages('adminLogs', ko, en);
