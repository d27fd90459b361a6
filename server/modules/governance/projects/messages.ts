import type { Catalog } from '../../../platform/i18n/messages.ts';

export const messages: Catalog = {
  'errors.governance_project_not_found': {
    ko: '협치사업을 찾을 수 없습니다.',
    en: 'The governance project was not found.',
  },
  'errors.governance_group_not_found': {
    ko: '실무협의체 공간을 찾을 수 없습니다.',
    en: 'The working group space was not found.',
  },
  'errors.governance_group_full': {
    ko: '실무협의체 위원은 10명까지입니다. 다른 위원을 빼고 다시 추가해 주십시오.',
    en: 'A working group has at most 10 members. Remove a member before adding another.',
  },
  'errors.governance_group_account_not_found': {
    ko: '이 기관에 그 이메일로 가입한 계정이 없습니다.',
    en: 'No account of this organization has that email address.',
  },
  'errors.governance_group_already_member': {
    ko: '이미 이 실무협의체의 위원입니다.',
    en: 'This person is already a member of the working group.',
  },
  'errors.governance_group_one_chair': {
    ko: '위원장은 한 명입니다. 지금 위원장의 역할을 먼저 바꿔 주십시오.',
    en: 'A working group has one chair. Change the current chair’s role first.',
  },
  'errors.governance_group_role_required': {
    ko: '위원장이나 간사만 할 수 있습니다.',
    en: 'Only the chair or the secretary can do this.',
  },
  'errors.governance_meeting_not_found': {
    ko: '회의를 찾을 수 없습니다.',
    en: 'The meeting was not found.',
  },
  'errors.governance_minutes_published': {
    ko: '이미 공개한 회의록은 고칠 수 없습니다.',
    en: 'Published minutes can no longer be changed.',
  },
  'errors.governance_minutes_empty': {
    ko: '회의록 내용을 적은 뒤에 공개해 주십시오.',
    en: 'Write the minutes before publishing them.',
  },
  'errors.governance_not_a_member': {
    ko: '실무협의체 위원만 고를 수 있습니다.',
    en: 'Only members of the working group can be chosen.',
  },
  'errors.governance_task_not_found': { ko: '할 일을 찾을 수 없습니다.', en: 'The task was not found.' },
  'errors.governance_milestone_not_found': {
    ko: '추진 단계를 찾을 수 없습니다.',
    en: 'The milestone was not found.',
  },
  'errors.governance_milestone_done_later': {
    ko: '완료한 날은 오늘이나 그 전이어야 합니다.',
    en: 'The day it was done must be today or earlier.',
  },
  'errors.governance_spent_over_budget': {
    ko: '집행액은 예산보다 클 수 없습니다.',
    en: 'The amount spent cannot exceed the budget.',
  },
  'errors.governance_document_not_found': {
    ko: '자료를 찾을 수 없습니다.',
    en: 'The document was not found.',
  },
  'errors.governance_evaluation_not_found': {
    ko: '최종 평가를 먼저 적어 저장해 주십시오.',
    en: 'Write and save the final evaluation first.',
  },
  'errors.governance_evaluation_published': {
    ko: '이미 공개한 최종 평가는 고칠 수 없습니다.',
    en: 'A published final evaluation can no longer be changed.',
  },
  'errors.governance_evaluation_too_early': {
    ko: '최종 평가는 사업이 실행 후 단계가 된 뒤에 공개할 수 있습니다.',
    en: 'The final evaluation can be published once the project is past execution.',
  },
  'audit.action.governance.project.create': { ko: '협치사업 등록', en: 'Governance project created' },
  'audit.action.governance.project.progress': {
    ko: '협치사업 진행 상황 변경',
    en: 'Governance project progress changed',
  },
  'audit.action.governance.milestone.create': { ko: '협치사업 추진 단계 추가', en: 'Milestone added' },
  'audit.action.governance.milestone.done': { ko: '협치사업 추진 단계 완료 표시', en: 'Milestone marked' },
  'audit.action.governance.milestone.edit': { ko: '협치사업 추진 단계 수정', en: 'Milestone edited' },
  'audit.action.governance.milestone.remove': { ko: '협치사업 추진 단계 삭제', en: 'Milestone removed' },
  'audit.action.governance.member.add': { ko: '실무협의체 위원 추가', en: 'Working group member added' },
  'audit.action.governance.member.remove': {
    ko: '실무협의체 위원 제외',
    en: 'Working group member removed',
  },
  'audit.action.governance.minutes.publish': { ko: '회의록 공개', en: 'Minutes published' },
  'audit.action.governance.document.add': { ko: '실무협의체 자료 추가', en: 'Working group document added' },
  'audit.action.governance.document.remove': {
    ko: '실무협의체 자료 삭제',
    en: 'Working group document removed',
  },
  'audit.action.governance.evaluation.save': { ko: '협치사업 최종 평가 저장', en: 'Final evaluation saved' },
  'audit.action.governance.evaluation.publish': {
    ko: '협치사업 최종 평가 공개',
    en: 'Final evaluation published',
  },
  'audit.target.governance.project': { ko: '협치사업', en: 'Governance project' },
  'audit.target.governance.meeting': { ko: '실무협의체 회의', en: 'Working group meeting' },
  'access.reason.governance.group.space': {
    ko: '실무협의체 공간 열람(직원)',
    en: 'Working group space read by staff',
  },
};
