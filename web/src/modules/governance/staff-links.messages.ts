import { addMessages } from '../../i18n/bundle.ts';

// Copy of governance's links on the staff home (governanceStaff.*), loaded with them.
const ko = {
  title: '민관협치',
  moderation: '신고된 제안과 댓글, 이의 신청 검토',
  statements: '숙의 의견 검토(받기·빼기·메타 표시)',
  polls: '투표 관리(만들기·고치기·마감)',
  newProcess: '참여 과정 만들기',
  projects: '협치사업과 작업반',
  newProject: '협치사업 등록',
  deliberations: '숙의 토론(의견 지도)',
  processesTitle: '참여 과정별 관리',
  noProcesses: '아직 참여 과정이 없습니다.',
  edit: '고치기',
  editNamed: '고치기: {{title}}',
  newDebate: '토론 열기',
  newDebateNamed: '토론 열기: {{title}}',
};

const en: typeof ko = {
  title: 'Governance',
  moderation: 'Reported proposals and comments, and appeals',
  statements: 'Deliberation statements to review (accept, reject, mark as meta)',
  polls: 'Polls (create, edit, close)',
  newProcess: 'Create a participatory process',
  projects: 'Governance projects and working groups',
  newProject: 'Register a governance project',
  deliberations: 'Deliberations (opinion maps)',
  processesTitle: 'Participatory processes',
  noProcesses: 'No participatory processes yet.',
  edit: 'Edit',
  editNamed: 'Edit: {{title}}',
  newDebate: 'Open a debate',
  newDebateNamed: 'Open a debate: {{title}}',
};

addMessages('governanceStaff', ko, en);
