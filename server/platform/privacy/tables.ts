import { boolean, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const consentRecords = pgTable('consent_records', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id'),
  purpose: text('purpose').notNull(),
  required: boolean('required').notNull(),
  noticeVersion: text('notice_version').notNull(),
  granted: boolean('granted').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  ip: text('ip'),
});
