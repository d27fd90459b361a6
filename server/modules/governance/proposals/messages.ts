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
  'errors.governance_proposal_not_author': {
    ko: '제안 작성자만 제안을 고치거나 철회할 수 있습니다.',
    en: 'Only the proposal’s author can edit or withdraw it.',
  },
  'errors.governance_proposal_withdrawn': {
    ko: '작성자가 철회한 제안입니다. 더는 고치거나 공감, 댓글, 수정 제안을 받을 수 없습니다.',
    en: 'Withdrawn by its author: it can no longer be edited, supported, commented on or amended.',
  },
  'errors.governance_proposal_edit_supported': {
    ko: '다른 주민이 이미 공감한 제안이라 고칠 수 없습니다. 공감한 분들이 읽은 글이 바뀌지 않도록 합니다.',
    en: 'Other residents already support this proposal, so it can no longer be edited: their support was for the words they read.',
  },
  'errors.governance_proposal_edit_answered': {
    ko: '공식 답변이 등록된 제안은 고칠 수 없습니다.',
    en: 'A proposal with an official answer can no longer be edited.',
  },
  'errors.governance_proposal_edit_hidden': {
    ko: '운영 원칙에 따라 가려진 제안은 검토가 끝날 때까지 고칠 수 없습니다.',
    en: 'A proposal hidden under the site’s rules cannot be edited while it is hidden.',
  },
  'errors.governance_proposal_withdraw_decided': {
    ko: '채택되거나 채택되지 않은 제안은 철회할 수 없습니다.',
    en: 'A proposal that has been accepted or rejected can no longer be withdrawn.',
  },
  'errors.governance_proposal_answer_withdrawn': {
    ko: '작성자가 철회한 제안에는 답변할 수 없습니다.',
    en: 'This proposal was withdrawn by its author; it cannot be answered.',
  },
  'audit.action.governance.proposal.edit': { ko: '제안 수정(작성자)', en: 'Proposal edited by its author' },
  'audit.action.governance.proposal.withdraw': { ko: '제안 철회', en: 'Proposal withdrawn' },
  'audit.action.governance.proposal.answer': { ko: '제안 공식 답변', en: 'Proposal answered' },
  'audit.target.governance.proposal': { ko: '주민 제안', en: 'Proposal' },
};
