import { bigint, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// 개인정보 접속기록: kept at least two years; a trigger refuses changes and early deletion.
export const personalDataAccessLog = pgTable('personal_data_access_log', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  organizationId: uuid('organization_id').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorUserId: uuid('actor_user_id').notNull(),
  subjectUserId: uuid('subject_user_id').notNull(),
  fields: jsonb('fields').$type<string[]>().notNull(),
  reason: text('reason').notNull(),
  ip: text('ip'),
  route: text('route'),
  requestId: text('request_id'),
});
