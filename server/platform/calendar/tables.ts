import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/tables.ts';
import { organizations } from '../tenants/tables.ts';

// db/migrations/0004_calendar_feeds.sql is the source of truth.
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 (hex) of the secret in the feed's address; the secret itself is never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId] }),
    check('calendar_feeds_token_hash_check', sql`char_length(${t.tokenHash}) = 64`),
    index('calendar_feeds_user').on(t.userId),
  ],
);
