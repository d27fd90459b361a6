import { z } from 'zod';
import { queryInt } from './common.ts';
import { CursorParam } from './paging.ts';
import { text } from './text.ts';

// Notifications (the bell), channel preferences and the admins' dev mailbox.
export const NotificationItem = z.object({
  id: z.string(),
  kind: z.string(),
  /** The heading it is gathered under in the bell and the list ('정책 알림'). */
  category: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  /** How many things it is about (a grouped alert: "새로 맞는 정책 15건"), and the first of them. */
  count: z.number().int(),
  items: z.array(z.object({ title: z.string(), link: z.string() })),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export const NotificationList = z.object({
  items: z.array(NotificationItem),
  nextCursor: z.string().nullable(),
  unread: z.number().int(),
});
export const NotificationListQuery = z.strictObject({
  cursor: CursorParam.optional(),
  limit: queryInt(1, 100).default(20),
});
export const UnreadCount = z.object({ count: z.number().int() });
export const NotificationIdParams = z.strictObject({ id: z.uuid() });

// Push and SMS may be left out when saving: they keep their present value.
export const Channels = z.strictObject({
  inApp: z.boolean(),
  email: z.boolean(),
  push: z.boolean().optional(),
  sms: z.boolean().optional(),
});
export const NotificationPreferences = z.object({
  items: z.array(
    z.object({
      kind: z.string(),
      label: z.string(),
      channels: z.object({ inApp: z.boolean(), email: z.boolean(), push: z.boolean(), sms: z.boolean() }),
    }),
  ),
});
export const NotificationPreferencesBody = z.strictObject({
  items: z.array(z.strictObject({ kind: text({ min: 1, max: 100 }), channels: Channels })).max(200),
});

export const DevMailItem = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.string(),
});
export const DevMailbox = z.object({ items: z.array(DevMailItem), smtpConfigured: z.boolean() });
export const DevMailIdParams = z.strictObject({ id: z.uuid() });

// Web Push: the installation's public key and the person's browser subscriptions.
export const VapidPublicKey = z.object({ publicKey: z.string() });
const base64url = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+=*$/);
export const PushSubscriptionBody = z.strictObject({
  endpoint: z.url({ protocol: /^https$/ }).max(2000),
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({ p256dh: base64url(80, 100), auth: base64url(16, 32) }),
});
export const PushSubscriptionItem = z.object({
  id: z.string(),
  label: z.string(),
  endpointHost: z.string(),
  createdAt: z.string(),
});
export const PushSubscriptionList = z.object({ items: z.array(PushSubscriptionItem) });
export const PushIdParams = z.strictObject({ id: z.uuid() });

// The person's delivery settings: quiet hours (Korean time), mobile number for SMS/알림톡, digest.
const clock = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/);
export const MOBILE_PATTERN = /^010-[0-9]{4}-[0-9]{4}$/;
export const NotificationSettings = z.object({
  quietHours: z.object({ enabled: z.boolean(), start: z.string(), end: z.string() }),
  mobileNumber: z.string().nullable(),
  emailDigest: z.boolean(),
});
export const NotificationSettingsBody = z.strictObject({
  quietHours: z
    .strictObject({ enabled: z.boolean(), start: clock, end: clock })
    .refine((q) => q.start !== q.end, { params: { messageKey: 'field.quiet_hours_same' }, path: ['end'] }),
  mobileNumber: z
    .string()
    .refine((v) => MOBILE_PATTERN.test(v), { params: { messageKey: 'field.mobile_number' } })
    .nullable(),
  emailDigest: z.boolean(),
});

// One-click unsubscribe (no sign-in): the token names the person and the kind.
export const UnsubscribeQuery = z.strictObject({
  token: text({ min: 10, max: 300, trim: false }).optional(),
});
export const UnsubscribeBody = z
  .strictObject({
    token: text({ min: 10, max: 300, trim: false }).optional(),
    // RFC 8058: mail providers POST this form field to the List-Unsubscribe address.
    'List-Unsubscribe': z.literal('One-Click').optional(),
  })
  .optional();
export const UnsubscribeResult = z.object({ kind: z.string(), label: z.string() });

export const SmsItem = z.object({
  id: z.string(),
  to: z.string(),
  kind: z.string(),
  provider: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export const SmsOutbox = z.object({ items: z.array(SmsItem) });
