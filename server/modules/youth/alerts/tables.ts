import { inArray } from 'drizzle-orm';
import { bigint, check, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { ALERT_KINDS, type AlertKind, FollowTargetKind } from '../../../../contracts/youth-alerts.ts';
import { users } from '../../../platform/auth/tables.ts';
import { organizations } from '../../../platform/tenants/tables.ts';
import { youthPolicies } from '../policies/index.ts';

// db/migrations/0090_youth_follows_alerts.sql is the source of truth.
export const youthFollows = pgTable(
  'youth_follows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    targetKind: text('target_kind').notNull().$type<FollowTargetKind>(),
    target: text('target').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.organizationId, t.userId, t.targetKind, t.target),
    check('youth_follows_target_kind_check', inArray(t.targetKind, [...FollowTargetKind.options])),
  ],
);

export const youthAlerts = pgTable(
  'youth_alerts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    // No foreign key of its own (the policy's ties it to the organization): cheaper fan-outs.
    organizationId: uuid('organization_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => youthPolicies.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<AlertKind>().notNull(),
    // '' for once per policy; the revision number for a change; the round's date for opening and D-3
    concerns: text('concerns').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.userId, t.policyId, t.kind, t.concerns),
    check('youth_alerts_kind_check', inArray(t.kind, [...ALERT_KINDS])),
  ],
);
