import type { Locale } from '../i18n/locale.ts';
import { hasMessage, messageKeys, t } from '../i18n/messages.ts';

// Audit actions and target types are codes in the log and words on screen: each needs a message in
// both languages, checked when an entry is written, so a new action cannot reach the log unnamed.
const ACTION = 'audit.action.';
export const actionKey = (action: string) => `${ACTION}${action}`;
export const targetKey = (targetType: string) => `audit.target.${targetType}`;
export const valueKey = (action: string, value: string) => `audit.value.${action}.${value}`;

export function assertAuditLabelled(input: { action: string; targetType: string }): void {
  for (const key of [actionKey(input.action), targetKey(input.targetType)])
    if (!hasMessage(key))
      throw new Error(
        `Audit entry ${input.action} on ${input.targetType}: add '${key}' (ko and en) to the messages`,
      );
}

/** Every action the log can hold, named in the person's language (the audit page filters by them). */
export function auditActions(locale: Locale): Array<{ code: string; label: string }> {
  return messageKeys(ACTION).map((key) => ({
    code: key.slice(ACTION.length),
    label: t(locale, key),
  }));
}
