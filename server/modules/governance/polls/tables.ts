import { inArray } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { BALLOT_KINDS, POLL_KINDS, RESULTS_VISIBILITIES } from '../../../../contracts/governance-polls.ts';
import { users } from '../../../platform/auth/tables.ts';
import { organizations } from '../../../platform/tenants/tables.ts';

// Polls, their options, ballots and each ballot's choices; db/migrations/0135_governance_polls.sql
// is the source of truth.

const organizationId = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id);
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const governancePolls = pgTable(
  'governance_polls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    // A later participatory process (processes are built alongside): no foreign key yet, on purpose.
    processId: uuid('process_id'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    kind: text('kind').notNull(),
    maxChoices: integer('max_choices'),
    opensAt: at('opens_at').notNull(),
    closesAt: at('closes_at').notNull(),
    residentsOnly: boolean('residents_only').notNull().default(true),
    verifiedOnly: boolean('verified_only').notNull().default(true),
    minAge: integer('min_age'),
    maxAge: integer('max_age'),
    resultsVisibility: text('results_visibility').notNull().default('after_close'),
    closedEarlyAt: at('closed_early_at'),
    isSample: boolean('is_sample').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('governance_polls_org_closes').on(t.organizationId, t.closesAt, t.id),
    check('governance_polls_kind_check', inArray(t.kind, [...POLL_KINDS])),
    check(
      'governance_polls_results_visibility_check',
      inArray(t.resultsVisibility, [...RESULTS_VISIBILITIES]),
    ),
  ],
);

export const governancePollOptions = pgTable(
  'governance_poll_options',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    pollId: uuid('poll_id')
      .notNull()
      .references(() => governancePolls.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    description: text('description').notNull().default(''),
  },
  (t) => [unique().on(t.pollId, t.position)],
);

export const governanceBallots = pgTable(
  'governance_ballots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    pollId: uuid('poll_id')
      .notNull()
      .references(() => governancePolls.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull().default('account'),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    castAt: at('cast_at').notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.pollId, t.userId),
    check('governance_ballots_kind_check', inArray(t.kind, [...BALLOT_KINDS])),
  ],
);

export const governanceBallotChoices = pgTable(
  'governance_ballot_choices',
  {
    organizationId: organizationId(),
    pollId: uuid('poll_id')
      .notNull()
      .references(() => governancePolls.id, { onDelete: 'cascade' }),
    ballotId: uuid('ballot_id')
      .notNull()
      .references(() => governanceBallots.id, { onDelete: 'cascade' }),
    optionId: uuid('option_id')
      .notNull()
      .references(() => governancePollOptions.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.ballotId, t.optionId] }),
    index('governance_ballot_choices_poll').on(t.pollId, t.optionId),
  ],
);
