import type { Catalog } from '../../../platform/i18n/messages.ts';

export const messages: Catalog = {
  'errors.governance_proposal_not_found': {
    ko: '제안을 찾을 수 없습니다.',
    en: 'The proposal was not found.',
  },
  'errors.governance_proposals_closed': {
    ko: '지금 단계에서는 제안, 공감, 수정 제안을 받지 않습니다.',
    en: 'Proposals, supports and amendments are not taken in the current phase.',
  },
  'errors.governance_comment_parent': {
    ko: '답글을 달 댓글을 이 제안에서 찾을 수 없습니다.',
    en: 'The comment to reply to was not found on this proposal.',
  },
  'errors.governance_amendment_not_found': {
    ko: '수정 제안을 찾을 수 없습니다.',
    en: 'The amendment was not found.',
  },
  'errors.governance_amend_own': {
    ko: '자기 제안에는 수정 제안을 낼 수 없습니다. 제안 작성자는 다른 주민의 수정 제안을 받아들일 수 있습니다.',
    en: 'You cannot amend your own proposal; its author accepts or rejects amendments from others.',
  },
  'errors.governance_amendment_decider': {
    ko: '제안 작성자만 수정 제안을 받아들이거나 거절할 수 있습니다.',
    en: 'Only the proposal’s author can accept or reject its amendments.',
  },
  'errors.governance_amendment_decided': {
    ko: '이미 처리된 수정 제안입니다.',
    en: 'This amendment has already been decided.',
  },
  'audit.action.governance.proposal.answer': { ko: '제안 공식 답변', en: 'Proposal answered' },
  'audit.target.governance.proposal': { ko: '주민 제안', en: 'Proposal' },
};
