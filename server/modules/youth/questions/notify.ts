import { defineNotificationKind } from '../../../platform/notify/index.ts';

// The asker hears when staff answer: a notice about their own request, so email needs no consent.
export const QUESTION_ANSWERED = 'youth.question_answered';

export const questionAnsweredKind = defineNotificationKind(QUESTION_ANSWERED, {
  label: { ko: '정책 문의 답변', en: 'Answers to my policy questions' },
  defaults: { inApp: true, email: true },
  emailNeedsConsent: false,
});
