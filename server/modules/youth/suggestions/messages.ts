import type { Catalog } from '../../../platform/i18n/messages.ts';
import { STATUS_LABELS } from './notify.ts';

export const messages: Catalog = {
  'errors.youth_suggestion_not_found': {
    ko: '정책 제안을 찾을 수 없습니다.',
    en: 'The policy suggestion was not found.',
  },
  'errors.youth_suggestion_bad_transition': {
    ko: '지금 상태에서는 요청하신 상태로 바꿀 수 없습니다.',
    en: 'The suggestion cannot move from its current status to the one requested.',
  },
  'staff.queue.youth.suggestions': {
    ko: '검토를 시작하지 않은 청년 정책 제안',
    en: 'Youth policy suggestions not yet taken up for review',
  },
  'audit.action.youth.suggestion.status': { ko: '정책 제안 상태 변경', en: 'Suggestion status changed' },
  'audit.target.youth.suggestion': { ko: '청년 정책 제안', en: 'Youth policy suggestion' },
  'access.reason.youth.suggestions.list': { ko: '정책 제안 목록 열람', en: 'Reading the suggestions' },
  'access.reason.youth.suggestions.submit': { ko: '정책 제안 등록', en: 'Submitting a suggestion' },
  'access.reason.youth.suggestions.status': {
    ko: '정책 제안 상태 변경',
    en: 'Changing a suggestion’s status',
  },
  // The audit log's detail: the status a suggestion moved to.
  ...Object.fromEntries(
    Object.entries(STATUS_LABELS).map(([status, label]) => [
      `audit.value.youth.suggestion.status.${status}`,
      label,
    ]),
  ),
};
