import { z } from 'zod';
import type { OUTBOX_TYPES, OutboxRow } from './tables.ts';

// What each type of outbox row carries. Rows are written by TypeScript (outbox.ts, dispatch.ts)
// and by SQL (the youth alert fan-out builds them with jsonb_build_object), so the dispatcher
// checks a row's payload before using it: a row written wrong fails with the field that is wrong
// (and is retried, then given up) instead of sending an email to `undefined`.
const Localized = z.object({ ko: z.string(), en: z.string() });
/** Push, SMS and email copies made from a notification row name it, so a repeat makes none. */
const source = z.string().optional();
/** Rows of a grouped message (audience.ts) name their group: later news of it joins a waiting row. */
const group = z.string().optional();

export const NotificationPayload = z.object({
  title: Localized,
  body: Localized,
  link: z.string().nullable(),
});
export const EmailPayload = z.object({
  to: z.string().min(1),
  locale: z.enum(['ko', 'en']).optional(),
  subject: z.string(),
  text: z.string(),
  source,
  group,
});
export const PushPayload = z.object({
  title: Localized,
  body: Localized,
  link: z.string().nullable(),
  kind: z.string().optional(),
  source,
  group,
});
export const SmsPayload = z.object({
  title: Localized,
  link: z.string().nullable(),
  kind: z.string().optional(),
  source,
  group,
});
export type NotificationPayload = z.infer<typeof NotificationPayload>;
export type EmailPayload = z.infer<typeof EmailPayload>;
export type PushPayload = z.infer<typeof PushPayload>;
export type SmsPayload = z.infer<typeof SmsPayload>;

const PAYLOADS = {
  notification: NotificationPayload,
  email: EmailPayload,
  push: PushPayload,
  sms: SmsPayload,
} satisfies Record<(typeof OUTBOX_TYPES)[number], z.ZodType>;
type Payloads = { [T in keyof typeof PAYLOADS]: z.infer<(typeof PAYLOADS)[T]> };

/** The row's payload, checked against its type's schema; throws naming the row and the fields. */
export function readPayload<T extends keyof Payloads>(row: OutboxRow, type: T): Payloads[T] {
  const result = PAYLOADS[type].safeParse(row.payload);
  if (!result.success) {
    const fields = result.error.issues.map((i) => i.path.join('.') || '(payload)').join(', ');
    throw new Error(`Outbox row ${row.id} (${type}) has a malformed payload: ${fields}`);
  }
  return result.data as Payloads[T];
}
