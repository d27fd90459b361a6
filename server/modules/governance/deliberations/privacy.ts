import { asc, eq } from 'drizzle-orm';
import type { ModulePrivacy } from '../../../platform/modules/define.ts';
import {
  governanceDeliberations,
  governanceParticipants,
  governanceStatements,
  governanceVotes,
} from './tables.ts';

// A person's votes and statements go with "download my data". Deleting the account unlinks their
// participant rows (kind stays 'account', user_id cleared): the votes and statements stay, naming
// nobody, so every published map can still be recomputed from the stored votes.
export const privacy = {
  exporters: {
    deliberationVotes: async (db, userId) =>
      db
        .select({
          deliberation: governanceDeliberations.title,
          statement: governanceStatements.body,
          vote: governanceVotes.vote,
          votedAt: governanceVotes.votedAt,
        })
        .from(governanceVotes)
        .innerJoin(governanceParticipants, eq(governanceParticipants.id, governanceVotes.participantId))
        .innerJoin(governanceStatements, eq(governanceStatements.id, governanceVotes.statementId))
        .innerJoin(governanceDeliberations, eq(governanceDeliberations.id, governanceVotes.deliberationId))
        .where(eq(governanceParticipants.userId, userId))
        .orderBy(asc(governanceVotes.votedAt)),
    deliberationStatements: async (db, userId) =>
      db
        .select({
          deliberation: governanceDeliberations.title,
          statement: governanceStatements.body,
          moderation: governanceStatements.moderation,
          createdAt: governanceStatements.createdAt,
        })
        .from(governanceStatements)
        .innerJoin(
          governanceParticipants,
          eq(governanceParticipants.id, governanceStatements.authorParticipantId),
        )
        .innerJoin(
          governanceDeliberations,
          eq(governanceDeliberations.id, governanceStatements.deliberationId),
        )
        .where(eq(governanceParticipants.userId, userId))
        .orderBy(asc(governanceStatements.createdAt)),
  },
  erasers: {
    deliberations: async (tx, userId) => {
      await tx
        .update(governanceParticipants)
        .set({ userId: null })
        .where(eq(governanceParticipants.userId, userId));
      await tx
        .update(governanceStatements)
        .set({ moderatedBy: null })
        .where(eq(governanceStatements.moderatedBy, userId));
      await tx
        .update(governanceDeliberations)
        .set({ createdBy: null })
        .where(eq(governanceDeliberations.createdBy, userId));
    },
  },
} satisfies ModulePrivacy;
