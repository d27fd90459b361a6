import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/tables.ts';
import { organizations } from '../tenants/tables.ts';

/** Headers kept with an answer: the ones a replay needs to mean the same thing. */
export type StoredHeaders = { 'content-type'?: string; location?: string };

// Migration 0003. Either claimed (a request is running) or answered (its first answer, replayed).
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** SHA-256 of method, route pattern, params, query and the body's hash. */
    fingerprint: text('fingerprint').notNull(),
    method: text('method').notNull(),
    route: text('route').notNull(),
    /** The running request's own token; null once answered. */
    claim: text('claim'),
    /** A claim not answered by then was abandoned and may be taken over by the same request. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    responseStatus: integer('response_status'),
    responseHeaders: jsonb('response_headers').$type<StoredHeaders>(),
    responseBody: text('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId, t.key] }),
    check('idempotency_keys_key_check', sql`char_length(${t.key}) between 1 and 255`),
    check('idempotency_keys_response_status_check', sql`${t.responseStatus} between 100 and 599`),
    check(
      'idempotency_keys_claimed_or_answered',
      sql`(${t.claim} is not null and ${t.lockedUntil} is not null and ${t.responseStatus} is null)
        or (${t.claim} is null and ${t.lockedUntil} is null and ${t.responseStatus} is not null)`,
    ),
    index('idempotency_keys_expires').on(t.expiresAt),
    index('idempotency_keys_user').on(t.userId),
  ],
);
