import type { SuggestionStatus } from '../../../../contracts/youth-questions.ts';
import { defineNotificationKind } from '../../../platform/notify/index.ts';

// The author hears of every status change of their own suggestion (no consent needed for email).
export const SUGGESTION_UPDATED = 'youth.suggestion_updated';

export const suggestionUpdatedKind = defineNotificationKind(SUGGESTION_UPDATED, {
  label: { ko: '정책 제안 처리 상황', en: 'Progress of my policy suggestions' },
  defaults: { inApp: true, email: true },
  emailNeedsConsent: false,
});

export const STATUS_LABELS: Record<SuggestionStatus, { ko: string; en: string }> = {
  received: { ko: '접수', en: 'Received' },
  reviewing: { ko: '검토 중', en: 'Under review' },
  accepted: { ko: '채택', en: 'Accepted' },
  declined: { ko: '미채택', en: 'Declined' },
  done: { ko: '반영 완료', en: 'Done' },
};
