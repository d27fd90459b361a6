import { inArray, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
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
import {
  DELIBERATION_STATUSES,
  MODERATIONS,
  PARTICIPANT_KINDS,
  VOTE_VALUES,
} from '../../../../contracts/governance-deliberations.ts';
import { users } from '../../../platform/auth/tables.ts';
import { organizations } from '../../../platform/tenants/tables.ts';

// Deliberations, their participants, statements and votes; db/migrations/0130_governance_deliberations.sql
// is the source of truth.

const organizationId = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id);
const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const governanceDeliberations = pgTable(
  'governance_deliberations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    status: text('status').notNull().default('open'),
    isSample: boolean('is_sample').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('governance_deliberations_org').on(t.organizationId, t.createdAt),
    check('governance_deliberations_status_check', inArray(t.status, [...DELIBERATION_STATUSES])),
  ],
);

/**
 * One voter in one deliberation. `account` participants are people signed in here (user_id); the
 * others name nobody: `imported` voters of a Pol.is export and generated `sample` voters are
 * pseudonymous numbers with no account, so they can never sign in, be notified or be counted as
 * residents, and no account deletion or data export touches them.
 */
export const governanceParticipants = pgTable(
  'governance_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    deliberationId: uuid('deliberation_id')
      .notNull()
      .references(() => governanceDeliberations.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    kind: text('kind').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    unique().on(t.deliberationId, t.number),
    unique().on(t.deliberationId, t.userId),
    check('governance_participants_kind_check', inArray(t.kind, [...PARTICIPANT_KINDS])),
  ],
);

export const governanceStatements = pgTable(
  'governance_statements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    deliberationId: uuid('deliberation_id')
      .notNull()
      .references(() => governanceDeliberations.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    body: text('body').notNull(),
    authorParticipantId: uuid('author_participant_id').references(() => governanceParticipants.id, {
      onDelete: 'set null',
    }),
    moderation: text('moderation').notNull().default('unmoderated'),
    isMeta: boolean('is_meta').notNull().default(false),
    version: integer('version').notNull().default(0),
    moderatedBy: uuid('moderated_by').references(() => users.id, { onDelete: 'set null' }),
    moderatedAt: timestamp('moderated_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    unique().on(t.deliberationId, t.number),
    check('governance_statements_moderation_check', inArray(t.moderation, [...MODERATIONS])),
  ],
);

export const governanceVotes = pgTable(
  'governance_votes',
  {
    organizationId: organizationId(),
    deliberationId: uuid('deliberation_id')
      .notNull()
      .references(() => governanceDeliberations.id, { onDelete: 'cascade' }),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => governanceStatements.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => governanceParticipants.id, { onDelete: 'cascade' }),
    vote: smallint('vote').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull().generatedByDefaultAsIdentity(),
    votedAt: timestamp('voted_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.participantId, t.statementId] }),
    index('governance_votes_deliberation').on(t.deliberationId),
    check(
      'governance_votes_vote_check',
      sql`${t.vote} in (${sql.join(
        VOTE_VALUES.map((v) => sql.raw(String(v))),
        sql`, `,
      )})`,
    ),
  ],
);
