import { boolean, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../../platform/auth/tables.ts';
import { organizations } from '../../../platform/tenants/tables.ts';
import { youthPolicies } from '../policies/index.ts';

// Questions on a youth policy; db/migrations/0100_youth_questions.sql is the source of truth.
export const youthQuestions = pgTable('youth_questions', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id),
  policyId: uuid('policy_id')
    .notNull()
    .references(() => youthPolicies.id, { onDelete: 'cascade' }),
  // Cleared when the account is deleted: the question stays, anonymised.
  askerId: uuid('asker_id').references(() => users.id, { onDelete: 'set null' }),
  title: text('title').notNull().default(''),
  body: text('body').notNull(),
  isPublic: boolean('is_public').notNull(),
  answer: text('answer'),
  answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
  answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
