import { desc, eq } from 'drizzle-orm';
import type { ModulePrivacy } from '../modules/define.ts';
import {
  emailDigestItems,
  emailMessages,
  notificationPreferences,
  notificationSettings,
  notifications,
  outbox,
  pushDeliveries,
  pushSubscriptions,
  smsMessages,
} from './tables.ts';

export const privacy = {
  exporters: {
    // Notifications' part of "download my data" and of account deletion.
    notifications: async (db, userId) =>
      db
        .select({
          kind: notifications.kind,
          titleKo: notifications.titleKo,
          titleEn: notifications.titleEn,
          bodyKo: notifications.bodyKo,
          bodyEn: notifications.bodyEn,
          link: notifications.link,
          itemCount: notifications.itemCount,
          items: notifications.items,
          readAt: notifications.readAt,
          createdAt: notifications.createdAt,
        })
        .from(notifications)
        .where(eq(notifications.userId, userId))
        .orderBy(desc(notifications.createdAt)),
    notificationPreferences: async (db, userId) =>
      db
        .select({
          kind: notificationPreferences.kind,
          inApp: notificationPreferences.inApp,
          email: notificationPreferences.email,
          push: notificationPreferences.push,
          sms: notificationPreferences.sms,
          updatedAt: notificationPreferences.updatedAt,
        })
        .from(notificationPreferences)
        .where(eq(notificationPreferences.userId, userId)),
    emailsSent: async (db, userId) =>
      db
        .select({
          to: emailMessages.toAddress,
          subject: emailMessages.subject,
          transport: emailMessages.transport,
          createdAt: emailMessages.createdAt,
        })
        .from(emailMessages)
        .where(eq(emailMessages.userId, userId))
        .orderBy(desc(emailMessages.createdAt)),
    // Mobile number, quiet hours and digest choice.
    notificationSettings: async (db, userId) =>
      db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId)),
    pushDevices: async (db, userId) =>
      db
        .select({
          device: pushSubscriptions.userAgent,
          endpoint: pushSubscriptions.endpoint,
          createdAt: pushSubscriptions.createdAt,
        })
        .from(pushSubscriptions)
        .where(eq(pushSubscriptions.userId, userId)),
    textMessagesSent: async (db, userId) =>
      db
        .select({ to: smsMessages.toNumber, text: smsMessages.body, createdAt: smsMessages.createdAt })
        .from(smsMessages)
        .where(eq(smsMessages.userId, userId))
        .orderBy(desc(smsMessages.createdAt)),
    emailDigestItems: async (db, userId) =>
      db
        .select({
          subject: emailDigestItems.subject,
          text: emailDigestItems.bodyText,
          createdAt: emailDigestItems.createdAt,
        })
        .from(emailDigestItems)
        .where(eq(emailDigestItems.userId, userId)),
  },
  erasers: {
    notifications: async (tx, userId) => {
      await tx.delete(notifications).where(eq(notifications.userId, userId));
      await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId));
      await tx.delete(emailMessages).where(eq(emailMessages.userId, userId));
      await tx.delete(smsMessages).where(eq(smsMessages.userId, userId));
      await tx.delete(pushDeliveries).where(eq(pushDeliveries.userId, userId));
      await tx.delete(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
      await tx.delete(emailDigestItems).where(eq(emailDigestItems.userId, userId));
      await tx.delete(notificationSettings).where(eq(notificationSettings.userId, userId));
      await tx.delete(outbox).where(eq(outbox.userId, userId)); // nothing more goes out to them
    },
  },
} satisfies ModulePrivacy;
