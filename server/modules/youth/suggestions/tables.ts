import { inArray } from 'drizzle-orm';
import { check, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { type PolicyField, PolicyFieldCode } from '../../../../contracts/youth-policies.ts';
import { SUGGESTION_STATUSES, type SuggestionStatus } from '../../../../contracts/youth-questions.ts';
import { users } from '../../../platform/auth/tables.ts';
import { organizations } from '../../../platform/tenants/tables.ts';

// Policy suggestions; db/migrations/0101_youth_suggestions.sql is the source of truth.
export const youthSuggestions = pgTable(
  'youth_suggestions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    // Cleared when the account is deleted: the suggestion stays, anonymised.
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    field: text('field').$type<PolicyField>(),
    status: text('status').$type<SuggestionStatus>().notNull().default('received'),
    reply: text('reply'),
    repliedAt: timestamp('replied_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    check('youth_suggestions_field_check', inArray(t.field, [...PolicyFieldCode.options])),
    check('youth_suggestions_status_check', inArray(t.status, [...SUGGESTION_STATUSES])),
  ],
);
