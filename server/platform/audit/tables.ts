import { bigint, boolean, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Written only through writeAudit (hash chain under a lock); a trigger refuses UPDATE and DELETE.
export const auditLog = pgTable('audit_log', {
  id: bigint('id', { mode: 'number' }).primaryKey(),
  organizationId: uuid('organization_id'),
  at: timestamp('at', { withTimezone: true }).notNull(),
  actorUserId: uuid('actor_user_id'),
  action: text('action').notNull(),
  targetType: text('target_type').notNull(),
  targetId: text('target_id'),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  ip: text('ip'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull().unique(),
  keyed: boolean('keyed').notNull().default(false), // HMAC under HAMKKE_SECRET_KEY, else plain SHA-256
});
