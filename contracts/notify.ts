import { z } from 'zod';
import { queryInt } from './common.ts';

// Notifications (the bell), channel preferences and the admins' dev mailbox.
export const NotificationItem = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export const NotificationList = z.object({
  items: z.array(NotificationItem),
  nextCursor: z.string().nullable(),
  unread: z.number().int(),
});
export const NotificationListQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: queryInt(1, 100).default(20),
});
export const UnreadCount = z.object({ count: z.number().int() });
export const NotificationIdParams = z.strictObject({ id: z.uuid() });

export const Channels = z.strictObject({ inApp: z.boolean(), email: z.boolean() });
export const NotificationPreferences = z.object({
  items: z.array(
    z.object({
      kind: z.string(),
      label: z.string(),
      channels: z.object({ inApp: z.boolean(), email: z.boolean() }),
    }),
  ),
});
export const NotificationPreferencesBody = z.strictObject({
  items: z.array(z.strictObject({ kind: z.string().min(1).max(100), channels: Channels })).max(200),
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
