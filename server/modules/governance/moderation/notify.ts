import { defineNotificationKind } from '../../../platform/notify/index.ts';

// Authors hear when their proposal or comment is hidden (by reports or by staff), with the reason,
// and when staff restore it.
export const CONTENT_MODERATED = 'governance.content_moderated';

export const contentModeratedKind = defineNotificationKind(CONTENT_MODERATED, {
  label: { ko: '내 글의 게시 중단과 복원 안내', en: 'When my posts are hidden or restored' },
  defaults: { inApp: true, email: true },
  emailNeedsConsent: false,
});
