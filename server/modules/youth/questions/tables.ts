import { boolean, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Questions on a youth policy; db/migrations/0100_youth_questions.sql creates the table.
export const youthQuestions = pgTable('youth_questions', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: uuid('organization_id').notNull(),
  policyId: uuid('policy_id').notNull(),
  askerId: uuid('asker_id'),
  title: text('title').notNull().default(''),
  body: text('body').notNull(),
  isPublic: boolean('is_public').notNull(),
  answer: text('answer'),
  answeredBy: uuid('answered_by'),
  answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
