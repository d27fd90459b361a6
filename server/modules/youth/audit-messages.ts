import type { Catalog } from '../../platform/i18n/messages.ts';

// What the audit log calls staff's work on youth policies (authoring and the national import). The
// questions and suggestions features name their own actions in their messages.
export const messages: Catalog = {
  'audit.action.youth.policy.create': { ko: '청년 정책 작성', en: 'Youth policy drafted' },
  'audit.action.youth.policy.update': { ko: '청년 정책 수정', en: 'Youth policy edited' },
  'audit.action.youth.policy.transition': { ko: '청년 정책 상태 변경', en: 'Youth policy status changed' },
  'audit.action.youth.policy.import': {
    ko: '전국 청년 정책 가져오기',
    en: 'National youth policies imported',
  },
  'audit.target.youth.policy': { ko: '청년 정책', en: 'Youth policy' },
};
