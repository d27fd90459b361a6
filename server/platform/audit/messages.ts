import type { Catalog } from '../i18n/messages.ts';

// What the audit log shows people: every action and target type in both languages (never the code).
// A module declares its own actions in its messages as 'audit.action.<action>' and its target types
// as 'audit.target.<type>'; writeAudit refuses an entry without them (labels.ts). The entry's detail
// is the role granted or removed, or the new state when 'audit.value.<action>.<state>' names it.
export const messages: Catalog = {
  'audit.action.role.grant': { ko: '역할 부여', en: 'Role granted' },
  'audit.action.role.revoke': { ko: '역할 회수', en: 'Role removed' },
  'audit.action.organization.update': { ko: '기관 설정 변경', en: 'Organization settings changed' },
  'audit.action.account.delete': { ko: '계정 삭제', en: 'Account deleted' },
  'audit.target.user': { ko: '회원', en: 'Member' },
  'audit.target.organization': { ko: '기관', en: 'Organization' },
  'audit.actor.system': { ko: '시스템', en: 'System' },
  'audit.person.deleted': { ko: '삭제된 계정', en: 'Deleted account' },
};
