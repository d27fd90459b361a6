import { desc, eq } from 'drizzle-orm';
import { registerAccountEraser } from '../privacy/erase.ts';
import { registerPersonalDataExporter } from '../privacy/export.ts';
import { emailMessages, notificationPreferences, notifications, outbox } from './tables.ts';

// Notifications' part of "download my data" and of account deletion.
registerPersonalDataExporter('notifications', async (db, userId) =>
  db
    .select({
      kind: notifications.kind,
      titleKo: notifications.titleKo,
      titleEn: notifications.titleEn,
      bodyKo: notifications.bodyKo,
      bodyEn: notifications.bodyEn,
      link: notifications.link,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt)),
);

registerPersonalDataExporter('notificationPreferences', async (db, userId) =>
  db
    .select({
      kind: notificationPreferences.kind,
      inApp: notificationPreferences.inApp,
      email: notificationPreferences.email,
      updatedAt: notificationPreferences.updatedAt,
    })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId)),
);

registerPersonalDataExporter('emailsSent', async (db, userId) =>
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
);

registerAccountEraser('notifications', async (tx, userId) => {
  await tx.delete(notifications).where(eq(notifications.userId, userId));
  await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  await tx.delete(emailMessages).where(eq(emailMessages.userId, userId));
  await tx.delete(outbox).where(eq(outbox.userId, userId)); // nothing more goes out to them
});
