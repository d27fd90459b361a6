import type { Catalog } from '../../../platform/i18n/messages.ts';

export const messages: Catalog = {
  'errors.governance_debate_not_found': {
    ko: '토론을 찾을 수 없습니다.',
    en: 'The debate was not found.',
  },
  'errors.governance_debate_closed': {
    ko: '마감된 토론입니다. 마감된 토론에는 댓글을 남길 수 없습니다.',
    en: 'This debate is closed and takes no more comments.',
  },
  'errors.governance_debates_off': {
    ko: '지금 단계에서는 토론에 참여할 수 없습니다.',
    en: 'Debates are not open in the current phase.',
  },
  'errors.governance_debate_parent': {
    ko: '답글을 달 댓글을 이 토론에서 찾을 수 없습니다.',
    en: 'The comment to reply to was not found in this debate.',
  },
  'audit.action.governance.debate.create': { ko: '토론 열기', en: 'Debate opened' },
  'audit.action.governance.debate.close': {
    ko: '토론 마감과 결론 등록',
    en: 'Debate closed with a conclusion',
  },
  'audit.target.governance.debate': { ko: '토론', en: 'Debate' },
};
