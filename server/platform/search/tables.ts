import { boolean, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { tsvector } from '../db/columns.ts';
import { organizations } from '../tenants/tables.ts';

// db/migrations/0022_search_documents.sql is the source of truth. index.ts writes the rows (the
// tsvector is built in SQL) and queries.ts reads them.
export const searchDocuments = pgTable(
  'search_documents',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    url: text('url').notNull(),
    isPublic: boolean('is_public').notNull().default(false),
    tsv: tsvector('tsv').notNull(),
    initials: text('initials').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.organizationId, t.recordType, t.recordId)],
);
