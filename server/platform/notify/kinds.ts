// Kinds of notification a person can receive, each with its label and default channels.
// Modules declare theirs in their defineModule (e.g. 'youth.policy_deadline'); preferences list them all.
export interface Localized {
  ko: string;
  en: string;
}

export interface NotificationKind {
  kind: string;
  label: Localized;
  /** Push and SMS default to off when not named. */
  defaults: { inApp: boolean; email: boolean; push?: boolean; sms?: boolean };
  /**
   * Email for this kind needs the optional 'notifications' consent (맞춤 알림 수신). Service notices
   * a person must get about their own requests set it false: they fall under the account purpose.
   */
  emailNeedsConsent: boolean;
  /** The heading the bell and the notifications page gather this kind under ('정책 알림'); the label when not given. */
  category?: Localized;
}

const kinds = new Map<string, NotificationKind>();

/** Declares a kind; its module lists it and the composition root installs it. */
export function defineNotificationKind(
  kind: string,
  def: Omit<NotificationKind, 'kind' | 'emailNeedsConsent'> & { emailNeedsConsent?: boolean },
): NotificationKind {
  if (!/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/.test(kind))
    throw new Error(`Notification kind ${kind} must look like 'area.event'`);
  return { kind, emailNeedsConsent: true, ...def };
}

export function registerNotificationKind(def: NotificationKind): void {
  if (kinds.has(def.kind)) throw new Error(`Notification kind ${def.kind} is defined twice`);
  kinds.set(def.kind, def);
}

export function notificationKinds(): NotificationKind[] {
  return [...kinds.values()];
}

export function notificationKind(kind: string): NotificationKind | undefined {
  return kinds.get(kind);
}

export const SYSTEM_ANNOUNCEMENT = defineNotificationKind('system.announcement', {
  label: { ko: '서비스 안내', en: 'Service announcements' },
  defaults: { inApp: true, email: false },
});
