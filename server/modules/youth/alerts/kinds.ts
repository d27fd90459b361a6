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

/** The bell and the notifications page show every youth alert under one heading. */
export const ALERT_CATEGORY: Localized = { ko: '정책 알림', en: 'Policy alerts' };

export const alertNotificationKinds = ALERT_KINDS.map((kind) =>
  defineNotificationKind(notificationKindOf(kind), {
    label: ALERT_LABELS[kind],
    defaults: ALERT_DEFAULTS,
    category: ALERT_CATEGORY,
  }),
);

/** The notification title of each kind about one policy; the body is the policy's title. */
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

/**
 * The groups alerts gather in: on one day, a person gets one notification per group (while unread),
 * whatever the number of policies — an import's fifteen new policies are "새로 맞는 정책 15건".
 */
export type AlertGroup = 'new' | 'changed' | 'opening' | 'closing';

export const ALERT_GROUP_OF: Record<AlertKind, AlertGroup> = {
  new_fitting_policy: 'new',
  followed_match: 'new',
  followed_policy_changed: 'changed',
  application_opening: 'opening',
  closing_soon: 'closing',
};

/** The title of a group's notification about several policies; {count} is their number. */
export const ALERT_GROUP_TITLES: Record<AlertGroup, Localized> = {
  new: { ko: '새로 맞는 정책 {count}건', en: '{count} new policies for you' },
  changed: {
    ko: '관심 정책 {count}건의 내용이 바뀌었습니다',
    en: '{count} policies you follow have changed',
  },
  opening: {
    ko: '관심 정책 {count}건의 신청이 오늘 시작됩니다',
    en: 'Applications open today for {count} policies you follow',
  },
  closing: {
    ko: '관심 정책 {count}건의 신청이 3일 뒤 마감됩니다',
    en: 'Applications close in 3 days for {count} policies you follow',
  },
};

/** Where a group's notification about several policies leads: my alerts, which lists them all. */
export const ALERT_LIST_LINK = '/youth/alerts';

/**
 * Seconds push, SMS and email copies wait for more of their group (an import writes batches of 250
 * in separate transactions; each batch's news joins the waiting copy, so the person gets one push).
 */
export const ALERT_GATHER_SECONDS = 10;
