import { asc, eq } from 'drizzle-orm';
import type { ModulePrivacy } from '../../../platform/modules/define.ts';
import { governanceDebateComments, governanceDebates } from './tables.ts';

// A person's debate comments go with "download my data". Deleting the account keeps the comments
// (author cleared: shown as a former resident) and unlinks the staff who opened or closed debates.
export const privacy = {
  exporters: {
    debateComments: async (db, userId) =>
      db
        .select({
          debate: governanceDebates.title,
          body: governanceDebateComments.body,
          stance: governanceDebateComments.stance,
          createdAt: governanceDebateComments.createdAt,
        })
        .from(governanceDebateComments)
        .innerJoin(governanceDebates, eq(governanceDebates.id, governanceDebateComments.debateId))
        .where(eq(governanceDebateComments.authorId, userId))
        .orderBy(asc(governanceDebateComments.createdAt)),
  },
  erasers: {
    debates: async (tx, userId) => {
      await tx
        .update(governanceDebateComments)
        .set({ authorId: null })
        .where(eq(governanceDebateComments.authorId, userId));
      await tx
        .update(governanceDebates)
        .set({ createdBy: null })
        .where(eq(governanceDebates.createdBy, userId));
      await tx
        .update(governanceDebates)
        .set({ closedBy: null })
        .where(eq(governanceDebates.closedBy, userId));
    },
  },
} satisfies ModulePrivacy;
