import { inArray } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { PHASE_KINDS } from '../../../../contracts/governance-processes.ts';
import { users } from '../../../platform/auth/tables.ts';
import { organizations } from '../../../platform/tenants/tables.ts';

// Participatory processes and their phases; db/migrations/0131_governance_processes.sql is the source of truth.

const organizationId = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id);

export const governanceProcesses = pgTable(
  'governance_processes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    supportThreshold: integer('support_threshold').notNull().default(10),
    isSample: boolean('is_sample').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('governance_processes_org').on(t.organizationId, t.createdAt)],
);

export const governanceProcessPhases = pgTable(
  'governance_process_phases',
  {
    organizationId: organizationId(),
    processId: uuid('process_id')
      .notNull()
      .references(() => governanceProcesses.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    proposals: boolean('proposals').notNull().default(false),
    debates: boolean('debates').notNull().default(false),
    deliberation: boolean('deliberation').notNull().default(false),
    polls: boolean('polls').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.processId, t.kind] }),
    check('governance_process_phases_kind_check', inArray(t.kind, [...PHASE_KINDS])),
  ],
);
