import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { PolicyField } from '../../../../contracts/youth-policies.ts';
import type { SuggestionStatus } from '../../../../contracts/youth-questions.ts';

// Policy suggestions; db/migrations/0101_youth_suggestions.sql creates the table.
export const youthSuggestions = pgTable('youth_suggestions', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: uuid('organization_id').notNull(),
  authorId: uuid('author_id'),
  title: text('title').notNull(),
  body: text('body').notNull(),
  field: text('field').$type<PolicyField>(),
  status: text('status').$type<SuggestionStatus>().notNull().default('received'),
  reply: text('reply'),
  repliedAt: timestamp('replied_at', { withTimezone: true, mode: 'date' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
