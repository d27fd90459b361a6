import { defineNotificationKind } from '../../../platform/notify/index.ts';

// The authors hear when staff answer their proposal officially, and when an amendment is proposed to it.
export const PROPOSAL_ANSWERED = 'governance.proposal_answered';

export const proposalAnsweredKind = defineNotificationKind(PROPOSAL_ANSWERED, {
  label: { ko: '내 제안에 대한 공식 답변', en: 'Official answers to my proposals' },
  defaults: { inApp: true, email: true },
  emailNeedsConsent: false,
});

// A proposal's co-authors and the people who support it hear once when its author withdraws it (not the author).
export const PROPOSAL_WITHDRAWN = 'governance.proposal_withdrawn';

export const proposalWithdrawnKind = defineNotificationKind(PROPOSAL_WITHDRAWN, {
  label: {
    ko: '함께 쓰거나 공감한 제안의 철회',
    en: 'Proposals I co-authored or support being withdrawn',
  },
  defaults: { inApp: true, email: false },
});
