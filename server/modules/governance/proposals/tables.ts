import { inArray } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
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
import {
  AMENDMENT_STATUSES,
  ANSWER_STATUSES,
  PROPOSAL_CATEGORIES,
  STANCES,
} from '../../../../contracts/governance-proposals.ts';
import { users } from '../../../platform/auth/tables.ts';
import { mediaImages } from '../../../platform/media/index.ts';
import { organizations } from '../../../platform/tenants/tables.ts';
import { governanceProcesses } from '../processes/index.ts';

// Proposals, co-authors, supports, comments, amendments and earlier versions;
// db/migrations/0132_governance_proposals.sql is the source of truth (image_id: 0137; edited_at and
// withdrawn_at: 0141).

const organizationId = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id);
const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const governanceProposals = pgTable(
  'governance_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    processId: uuid('process_id')
      .notNull()
      .references(() => governanceProcesses.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    category: text('category').notNull(),
    place: text('place').notNull().default(''),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorLabel: text('author_label'),
    isSample: boolean('is_sample').notNull().default(false),
    version: integer('version').notNull().default(1),
    supports: integer('supports').notNull().default(0),
    answerStatus: text('answer_status'),
    answerReason: text('answer_reason'),
    answerCost: bigint('answer_cost', { mode: 'number' }),
    answerPeriod: text('answer_period'),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    /** The proposal's one image, if any (0137). */
    imageId: uuid('image_id')
      .unique()
      .references(() => mediaImages.id, { onDelete: 'set null' }),
    /** When its author last edited the title or text themselves (0141). */
    editedAt: timestamp('edited_at', { withTimezone: true, mode: 'date' }),
    /** When its author withdrew it (철회, 0141): out of the list and search, no more supports. */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('governance_proposals_process').on(t.processId, t.createdAt),
    check('governance_proposals_category_check', inArray(t.category, [...PROPOSAL_CATEGORIES])),
    check('governance_proposals_answer_status_check', inArray(t.answerStatus, [...ANSWER_STATUSES])),
  ],
);

export const governanceProposalCoauthors = pgTable(
  'governance_proposal_coauthors',
  {
    organizationId: organizationId(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => governanceProposals.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] })],
);

export const governanceProposalSupports = pgTable(
  'governance_proposal_supports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => governanceProposals.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    isSample: boolean('is_sample').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.proposalId, t.userId)],
);

export const governanceProposalComments = pgTable(
  'governance_proposal_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => governanceProposals.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => governanceProposalComments.id, {
      onDelete: 'cascade',
    }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorLabel: text('author_label'),
    body: text('body').notNull(),
    stance: text('stance').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('governance_proposal_comments_proposal').on(t.proposalId, t.createdAt),
    check('governance_proposal_comments_stance_check', inArray(t.stance, [...STANCES])),
  ],
);

export const governanceProposalAmendments = pgTable(
  'governance_proposal_amendments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => governanceProposals.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    status: text('status').notNull().default('pending'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('governance_proposal_amendments_proposal').on(t.proposalId, t.createdAt),
    check('governance_proposal_amendments_status_check', inArray(t.status, [...AMENDMENT_STATUSES])),
  ],
);

export const governanceProposalVersions = pgTable(
  'governance_proposal_versions',
  {
    organizationId: organizationId(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => governanceProposals.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    body: text('body').notNull(),
    amendmentId: uuid('amendment_id').references(() => governanceProposalAmendments.id, {
      onDelete: 'set null',
    }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.version] })],
);
