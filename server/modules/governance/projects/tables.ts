import { inArray } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { DOCUMENT_KINDS, EVALUATION_STATUSES } from '../../../../contracts/governance-project-records.ts';
import {
  DECISION_METHODS,
  MEMBER_KINDS,
  MEMBER_ROLES,
  MINUTES_STATUSES,
  PROJECT_STATUSES,
  UPDATE_KINDS,
} from '../../../../contracts/governance-projects.ts';
import { users } from '../../../platform/auth/tables.ts';
import { organizations } from '../../../platform/tenants/tables.ts';

// Governance projects and their working groups; db/migrations/0138_governance_projects.sql and
// 0139_governance_working_groups.sql are the source of truth.

const organizationId = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id);
const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const day = (name: string) => date(name, { mode: 'string' });

export const governanceProjects = pgTable(
  'governance_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    department: text('department').notNull(),
    year: integer('year').notNull(),
    budgetThousandWon: integer('budget_thousand_won').notNull(),
    spentThousandWon: integer('spent_thousand_won').notNull().default(0),
    status: text('status').notNull().default('before'),
    progressPercent: smallint('progress_percent').notNull().default(0),
    isSample: boolean('is_sample').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('governance_projects_org').on(t.organizationId, t.year, t.title),
    check('governance_projects_status_check', inArray(t.status, [...PROJECT_STATUSES])),
  ],
);

export const governanceProjectMilestones = pgTable(
  'governance_project_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => governanceProjects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** The English title (0142), null when staff gave none: the English page shows the Korean one. */
    titleEn: text('title_en'),
    dueOn: day('due_on').notNull(),
    done: boolean('done').notNull().default(false),
    doneAt: timestamp('done_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [index('governance_project_milestones_project').on(t.projectId, t.dueOn)],
);

export const governanceProjectFollows = pgTable(
  'governance_project_follows',
  {
    organizationId: organizationId(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => governanceProjects.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.userId] }),
    index('governance_project_follows_user').on(t.userId),
  ],
);

export const governanceProjectUpdates = pgTable(
  'governance_project_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => governanceProjects.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    bodyKo: text('body_ko').notNull(),
    bodyEn: text('body_en').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('governance_project_updates_project').on(t.projectId, t.createdAt),
    check('governance_project_updates_kind_check', inArray(t.kind, [...UPDATE_KINDS])),
  ],
);

export const governanceProjectNotices = pgTable(
  'governance_project_notices',
  {
    organizationId: organizationId(),
    updateId: uuid('update_id')
      .notNull()
      .references(() => governanceProjectUpdates.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.updateId, t.userId] }),
    index('governance_project_notices_user').on(t.userId),
  ],
);

export const governanceGroupMembers = pgTable(
  'governance_group_members',
  {
    organizationId: organizationId(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => governanceProjects.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    role: text('role').notNull().default('member'),
    addedBy: uuid('added_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.userId] }),
    index('governance_group_members_user').on(t.userId),
    check('governance_group_members_kind_check', inArray(t.kind, [...MEMBER_KINDS])),
    check('governance_group_members_role_check', inArray(t.role, [...MEMBER_ROLES])),
  ],
);

export const governanceMeetings = pgTable(
  'governance_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => governanceProjects.id, { onDelete: 'cascade' }),
    heldOn: day('held_on').notNull(),
    title: text('title').notNull(),
    agenda: text('agenda').notNull().default(''),
    minutes: text('minutes').notNull().default(''),
    status: text('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('governance_meetings_project').on(t.projectId, t.heldOn),
    check('governance_meetings_status_check', inArray(t.status, [...MINUTES_STATUSES])),
  ],
);

export const governanceMeetingAttendance = pgTable(
  'governance_meeting_attendance',
  {
    organizationId: organizationId(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => governanceMeetings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] })],
);

export const governanceDecisions = pgTable(
  'governance_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => governanceMeetings.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    method: text('method').notNull(),
    votesFor: smallint('votes_for'),
    votesAgainst: smallint('votes_against'),
    votesAbstain: smallint('votes_abstain'),
    createdAt: createdAt(),
  },
  (t) => [
    index('governance_decisions_meeting').on(t.meetingId),
    check('governance_decisions_method_check', inArray(t.method, [...DECISION_METHODS])),
  ],
);

export const governanceTasks = pgTable(
  'governance_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => governanceProjects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    dueOn: day('due_on').notNull(),
    done: boolean('done').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('governance_tasks_project').on(t.projectId, t.dueOn)],
);

export const governanceMonitoringReports = pgTable(
  'governance_monitoring_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => governanceProjects.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    quarter: smallint('quarter').notNull(),
    body: text('body').notNull(),
    progressPercent: smallint('progress_percent').notNull(),
    writtenBy: uuid('written_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.projectId, t.year, t.quarter)],
);

// db/migrations/0136_governance_group_documents.sql: documents of the space and the final
// evaluation. Their project_id foreign keys are added by 0140_governance_record_keys.sql (0136 runs
// before 0138 on a fresh database).

export const governanceGroupDocuments = pgTable(
  'governance_group_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => governanceProjects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    url: text('url'),
    note: text('note').notNull().default(''),
    kind: text('kind').notNull().default('reference'),
    addedBy: uuid('added_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('governance_group_documents_project').on(t.projectId, t.createdAt),
    index('governance_group_documents_added_by').on(t.addedBy),
    check('governance_group_documents_kind_check', inArray(t.kind, [...DOCUMENT_KINDS])),
  ],
);

export const governanceProjectEvaluations = pgTable(
  'governance_project_evaluations',
  {
    projectId: uuid('project_id')
      .primaryKey()
      .references(() => governanceProjects.id, { onDelete: 'cascade' }),
    organizationId: organizationId(),
    scoreGoals: smallint('score_goals').notNull(),
    scoreParticipation: smallint('score_participation').notNull(),
    scoreCollaboration: smallint('score_collaboration').notNull(),
    scoreSustainability: smallint('score_sustainability').notNull(),
    lessons: text('lessons').notNull(),
    status: text('status').notNull().default('draft'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('governance_project_evaluations_org').on(t.organizationId),
    check('governance_project_evaluations_status_check', inArray(t.status, [...EVALUATION_STATUSES])),
  ],
);
