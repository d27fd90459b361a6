import { inArray, sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { STANCES } from '../../../../contracts/governance-debates.ts';
import { users } from '../../../platform/auth/tables.ts';
import { organizations } from '../../../platform/tenants/tables.ts';
import { governanceProcesses } from '../processes/index.ts';

// Debates and their stance comments; db/migrations/0133_governance_debates.sql is the source of truth.

const organizationId = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id);
const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const governanceDebates = pgTable(
  'governance_debates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    processId: uuid('process_id')
      .notNull()
      .references(() => governanceProcesses.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    question: text('question').notNull(),
    isSample: boolean('is_sample').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    conclusion: text('conclusion'),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('governance_debates_process').on(t.processId, t.createdAt),
    check('governance_debates_check', sql`(${t.conclusion} is null) = (${t.closedAt} is null)`),
  ],
);

export const governanceDebateComments = pgTable(
  'governance_debate_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    debateId: uuid('debate_id')
      .notNull()
      .references(() => governanceDebates.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => governanceDebateComments.id, {
      onDelete: 'cascade',
    }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorLabel: text('author_label'),
    body: text('body').notNull(),
    stance: text('stance').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('governance_debate_comments_debate').on(t.debateId, t.parentId, t.createdAt),
    check('governance_debate_comments_stance_check', inArray(t.stance, [...STANCES])),
  ],
);
