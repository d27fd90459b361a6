import { asc, eq } from 'drizzle-orm';
import type { ModulePrivacy } from '../../../platform/modules/define.ts';
import {
  governanceGroupDocuments,
  governanceGroupMembers,
  governanceMeetings,
  governanceMonitoringReports,
  governanceProjectEvaluations,
  governanceProjectFollows,
  governanceProjects,
  governanceTasks,
} from './tables.ts';

// "Download my data": the projects a person follows, the groups they sit in, the documents they
// added and the final evaluations they recorded. Deleting the account removes follows, memberships,
// attendance and notices (cascade); meetings, tasks, reports, documents and evaluations they wrote
// stay with the group, naming nobody.
export const privacy = {
  exporters: {
    governanceProjectFollows: async (db, userId) =>
      db
        .select({ project: governanceProjects.title, since: governanceProjectFollows.createdAt })
        .from(governanceProjectFollows)
        .innerJoin(governanceProjects, eq(governanceProjects.id, governanceProjectFollows.projectId))
        .where(eq(governanceProjectFollows.userId, userId))
        .orderBy(asc(governanceProjectFollows.createdAt)),
    governanceWorkingGroups: async (db, userId) =>
      db
        .select({
          project: governanceProjects.title,
          kind: governanceGroupMembers.kind,
          role: governanceGroupMembers.role,
          since: governanceGroupMembers.createdAt,
        })
        .from(governanceGroupMembers)
        .innerJoin(governanceProjects, eq(governanceProjects.id, governanceGroupMembers.projectId))
        .where(eq(governanceGroupMembers.userId, userId))
        .orderBy(asc(governanceGroupMembers.createdAt)),
    governanceGroupDocuments: async (db, userId) =>
      db
        .select({
          project: governanceProjects.title,
          title: governanceGroupDocuments.title,
          kind: governanceGroupDocuments.kind,
          url: governanceGroupDocuments.url,
          note: governanceGroupDocuments.note,
          addedAt: governanceGroupDocuments.createdAt,
        })
        .from(governanceGroupDocuments)
        .innerJoin(governanceProjects, eq(governanceProjects.id, governanceGroupDocuments.projectId))
        .where(eq(governanceGroupDocuments.addedBy, userId))
        .orderBy(asc(governanceGroupDocuments.createdAt)),
    governanceProjectEvaluations: async (db, userId) =>
      db
        .select({
          project: governanceProjects.title,
          status: governanceProjectEvaluations.status,
          lessons: governanceProjectEvaluations.lessons,
          updatedAt: governanceProjectEvaluations.updatedAt,
        })
        .from(governanceProjectEvaluations)
        .innerJoin(governanceProjects, eq(governanceProjects.id, governanceProjectEvaluations.projectId))
        .where(eq(governanceProjectEvaluations.recordedBy, userId))
        .orderBy(asc(governanceProjectEvaluations.updatedAt)),
  },
  erasers: {
    governanceProjects: async (tx, userId) => {
      await tx.delete(governanceProjectFollows).where(eq(governanceProjectFollows.userId, userId));
      await tx.delete(governanceGroupMembers).where(eq(governanceGroupMembers.userId, userId));
      await tx
        .update(governanceGroupMembers)
        .set({ addedBy: null })
        .where(eq(governanceGroupMembers.addedBy, userId));
      await tx
        .update(governanceMeetings)
        .set({ createdBy: null })
        .where(eq(governanceMeetings.createdBy, userId));
      await tx
        .update(governanceMeetings)
        .set({ publishedBy: null })
        .where(eq(governanceMeetings.publishedBy, userId));
      await tx
        .update(governanceTasks)
        .set({ ownerUserId: null })
        .where(eq(governanceTasks.ownerUserId, userId));
      await tx
        .update(governanceMonitoringReports)
        .set({ writtenBy: null })
        .where(eq(governanceMonitoringReports.writtenBy, userId));
      await tx
        .update(governanceGroupDocuments)
        .set({ addedBy: null })
        .where(eq(governanceGroupDocuments.addedBy, userId));
      await tx
        .update(governanceProjectEvaluations)
        .set({ recordedBy: null })
        .where(eq(governanceProjectEvaluations.recordedBy, userId));
      await tx
        .update(governanceProjectEvaluations)
        .set({ publishedBy: null })
        .where(eq(governanceProjectEvaluations.publishedBy, userId));
    },
  },
} satisfies ModulePrivacy;
