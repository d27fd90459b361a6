import type { Catalog } from '../../../platform/i18n/messages.ts';

export const messages: Catalog = {
  'errors.governance_moderation_target_not_found': {
    ko: '신고하거나 검토할 글을 찾을 수 없습니다.',
    en: 'The post to report or review was not found.',
  },
  'errors.governance_report_own': {
    ko: '자기 글은 신고할 수 없습니다.',
    en: 'You cannot report your own post.',
  },
  'errors.governance_appeal_not_hidden': {
    ko: '가려진 글에만 이의를 신청할 수 있습니다.',
    en: 'You can appeal only against a hidden post.',
  },
  'errors.governance_appeal_pending': {
    ko: '이미 이의를 신청했습니다. 담당자가 검토한 뒤 알려 드립니다.',
    en: 'You have already appealed; staff will let you know once they have reviewed it.',
  },
  'errors.governance_appeal_decided': {
    ko: '이 글에 대한 이의 신청은 이미 검토를 마쳤습니다. 한 번 가려질 때마다 한 번 신청할 수 있습니다.',
    en: 'Your appeal against this hiding has already been decided. You can appeal once each time a post is hidden.',
  },
  'errors.governance_appeal_none': {
    ko: '검토를 기다리는 이의 신청이 없습니다.',
    en: 'There is no appeal waiting for a decision.',
  },
  'errors.governance_posting_rate': {
    ko: '짧은 시간에 글을 너무 많이 올렸습니다. 잠시 후 다시 올려 주십시오.',
    en: 'You have posted too much in a short time. Please try again in a few minutes.',
  },
  'errors.governance_spam': {
    ko: '광고성 글로 보여 올릴 수 없습니다. 링크를 줄이거나 같은 글자의 반복을 지워 주십시오.',
    en: 'This looks like spam and cannot be posted. Use fewer links or remove the repeated characters.',
  },
  'staff.queue.governance.moderation': {
    ko: '신고된 제안과 댓글 검토',
    en: 'Reported proposals and comments',
  },
  'audit.action.governance.moderation.auto_hide': {
    ko: '신고 누적으로 글 가림',
    en: 'Post hidden by reports',
  },
  'audit.action.governance.moderation.hide': { ko: '글 가림', en: 'Post hidden' },
  'audit.action.governance.moderation.restore': { ko: '가린 글 복원', en: 'Post restored' },
  'audit.action.governance.moderation.appeal_accept': {
    ko: '이의 신청 받아들여 글 복원',
    en: 'Appeal accepted, post restored',
  },
  'audit.action.governance.moderation.appeal_reject': {
    ko: '이의 신청 기각',
    en: 'Appeal rejected',
  },
  'audit.action.governance.moderation.appeal': {
    ko: '가린 글 이의 신청',
    en: 'Appeal against a hidden post',
  },
  'audit.target.governance.comment': { ko: '제안 댓글', en: 'Proposal comment' },
};
