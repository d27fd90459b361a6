import { ALERT_KINDS, type AlertKind } from '../../../../contracts/youth-alerts.ts';
import { defineNotificationKind, type Localized } from '../../../platform/notify/index.ts';

// The youth alert kinds, declared so they appear in the notification preferences. In-app is on by
// default; email is off until the person turns it on, and then also needs the optional
// 'notifications' consent (맞춤 알림 수신). In-app alerts about fitting policies need only the
// youth_profile consent: without it there is no profile to match.

export const ALERT_KIND_PREFIX = 'youth.';
export const notificationKindOf = (kind: AlertKind) => `${ALERT_KIND_PREFIX}${kind}`;

export const ALERT_LABELS: Record<AlertKind, Localized> = {
  new_fitting_policy: { ko: '나에게 맞는 새 청년 정책', en: 'New youth policies that fit me' },
  followed_policy_changed: { ko: '관심 정책의 변경', en: 'Changes to policies I follow' },
  followed_match: {
    ko: '관심 분야·키워드·지역의 새 정책',
    en: 'New policies in fields, keywords or areas I follow',
  },
  application_opening: { ko: '관심 정책 신청 시작', en: 'Applications opening for policies I follow' },
  closing_soon: { ko: '관심 정책 신청 마감 3일 전', en: 'Three days before a followed policy closes' },
};

export const ALERT_DEFAULTS = { inApp: true, email: false } as const;

export const alertNotificationKinds = ALERT_KINDS.map((kind) =>
  defineNotificationKind(notificationKindOf(kind), { label: ALERT_LABELS[kind], defaults: ALERT_DEFAULTS }),
);

/** The notification title of each kind; the body is the policy's title. */
export const ALERT_TITLES: Record<AlertKind, Localized> = {
  new_fitting_policy: { ko: '나에게 맞는 새 청년 정책이 있습니다', en: 'A new youth policy fits you' },
  followed_policy_changed: { ko: '관심 정책의 내용이 바뀌었습니다', en: 'A policy you follow has changed' },
  followed_match: {
    ko: '관심 주제의 새 청년 정책이 있습니다',
    en: 'A new youth policy matches what you follow',
  },
  application_opening: {
    ko: '관심 정책의 신청이 오늘 시작됩니다',
    en: 'Applications open today for a policy you follow',
  },
  closing_soon: {
    ko: '관심 정책의 신청이 3일 뒤 마감됩니다',
    en: 'Applications close in 3 days for a policy you follow',
  },
};
