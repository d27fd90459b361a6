import { bigint, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../../platform/auth/tables.ts';
import { organizations } from '../../../platform/tenants/tables.ts';
import { youthPolicies } from '../policies/tables.ts';

// db/migrations/0090_youth_follows_alerts.sql is the source of truth.
export const youthFollows = pgTable(
  'youth_follows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    targetKind: text('target_kind').notNull().$type<'policy' | 'field' | 'keyword' | 'region'>(),
    target: text('target').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.organizationId, t.userId, t.targetKind, t.target)],
);

export const youthAlerts = pgTable(
  'youth_alerts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: uuid('organization_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => youthPolicies.id),
    kind: text('kind').notNull(),
    concerns: text('concerns').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.userId, t.policyId, t.kind, t.concerns)],
);
