import { asc, eq, sql } from 'drizzle-orm';
import type { ModulePrivacy } from '../../../platform/modules/define.ts';
import { governanceProcesses } from '../processes/index.ts';
import {
  governanceProposalAmendments,
  governanceProposalComments,
  governanceProposalSupports,
  governanceProposals,
} from './tables.ts';

// A person's proposals, comments, amendments and supports go with "download my data". Deleting the
// account keeps their public contributions (author cleared: shown as a former resident), deletes
// their supports and co-authorships (the counter follows), and unlinks staff answers and processes.
export const privacy = {
  exporters: {
    proposals: async (db, userId) =>
      db
        .select({
          title: governanceProposals.title,
          body: governanceProposals.body,
          category: governanceProposals.category,
          place: governanceProposals.place,
          // The image they attached, as its address (the image stays with the public proposal).
          image: sql<string | null>`case when ${governanceProposals.imageId} is null then null
            else '/api/v1/media/' || ${governanceProposals.imageId} end`,
          createdAt: governanceProposals.createdAt,
          // Their edits and withdrawal stay with what they wrote.
          editedAt: governanceProposals.editedAt,
          withdrawnAt: governanceProposals.withdrawnAt,
        })
        .from(governanceProposals)
        .where(eq(governanceProposals.authorId, userId))
        .orderBy(asc(governanceProposals.createdAt)),
    proposalComments: async (db, userId) =>
      db
        .select({
          body: governanceProposalComments.body,
          stance: governanceProposalComments.stance,
          createdAt: governanceProposalComments.createdAt,
        })
        .from(governanceProposalComments)
        .where(eq(governanceProposalComments.authorId, userId))
        .orderBy(asc(governanceProposalComments.createdAt)),
    proposalAmendments: async (db, userId) =>
      db
        .select({
          body: governanceProposalAmendments.body,
          status: governanceProposalAmendments.status,
          createdAt: governanceProposalAmendments.createdAt,
        })
        .from(governanceProposalAmendments)
        .where(eq(governanceProposalAmendments.authorId, userId))
        .orderBy(asc(governanceProposalAmendments.createdAt)),
    proposalSupports: async (db, userId) =>
      db
        // Which proposal they supported (its title and page), and when.
        .select({
          proposal: governanceProposals.title,
          page: sql<string>`'/governance/proposals/' || ${governanceProposals.id}`,
          createdAt: governanceProposalSupports.createdAt,
        })
        .from(governanceProposalSupports)
        .innerJoin(governanceProposals, eq(governanceProposals.id, governanceProposalSupports.proposalId))
        .where(eq(governanceProposalSupports.userId, userId))
        .orderBy(asc(governanceProposalSupports.createdAt)),
  },
  erasers: {
    proposals: async (tx, userId) => {
      const supported = await tx
        .delete(governanceProposalSupports)
        .where(eq(governanceProposalSupports.userId, userId))
        .returning({ proposalId: governanceProposalSupports.proposalId });
      for (const { proposalId } of supported) {
        const [p] = await tx
          .select({ supports: governanceProposals.supports })
          .from(governanceProposals)
          .where(eq(governanceProposals.id, proposalId));
        if (p)
          await tx
            .update(governanceProposals)
            .set({ supports: Math.max(0, p.supports - 1) })
            .where(eq(governanceProposals.id, proposalId));
      }
      await tx
        .update(governanceProposals)
        .set({ authorId: null })
        .where(eq(governanceProposals.authorId, userId));
      await tx
        .update(governanceProposals)
        .set({ answeredBy: null })
        .where(eq(governanceProposals.answeredBy, userId));
      await tx
        .update(governanceProposalComments)
        .set({ authorId: null })
        .where(eq(governanceProposalComments.authorId, userId));
      await tx
        .update(governanceProposalAmendments)
        .set({ authorId: null })
        .where(eq(governanceProposalAmendments.authorId, userId));
      await tx
        .update(governanceProcesses)
        .set({ createdBy: null })
        .where(eq(governanceProcesses.createdBy, userId));
    },
  },
} satisfies ModulePrivacy;
