import { inArray } from 'drizzle-orm';
import {
  boolean,
  check,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  MODERATION_STATES,
  MODERATION_TARGETS,
  REPORT_REASONS,
} from '../../../../contracts/governance-moderation.ts';
import { users } from '../../../platform/auth/tables.ts';
import { organizations } from '../../../platform/tenants/tables.ts';

// Reports and the moderation state of proposals and comments;
// db/migrations/0134_governance_moderation.sql is the source of truth.

const organizationId = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id);

export const governanceModerationItems = pgTable(
  'governance_moderation_items',
  {
    organizationId: organizationId(),
    targetType: text('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    proposalId: uuid('proposal_id').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    state: text('state').notNull().default('reported'),
    reports: integer('reports').notNull().default(0),
    needsReview: boolean('needs_review').notNull().default(true),
    reason: text('reason'),
    appeal: text('appeal'),
    appealedAt: timestamp('appealed_at', { withTimezone: true, mode: 'date' }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    firstReportedAt: timestamp('first_reported_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.targetType, t.targetId] }),
    check('governance_moderation_items_target_type_check', inArray(t.targetType, [...MODERATION_TARGETS])),
    check('governance_moderation_items_state_check', inArray(t.state, [...MODERATION_STATES])),
  ],
);

export const governanceModerationReports = pgTable(
  'governance_moderation_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    targetType: text('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.targetType, t.targetId, t.reporterId),
    check('governance_moderation_reports_target_type_check', inArray(t.targetType, [...MODERATION_TARGETS])),
    check('governance_moderation_reports_reason_check', inArray(t.reason, [...REPORT_REASONS])),
  ],
);
