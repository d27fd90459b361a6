import { asc, eq } from 'drizzle-orm';
import type { ModulePrivacy } from '../../../platform/modules/define.ts';
import {
  governanceGroupMembers,
  governanceMeetings,
  governanceMonitoringReports,
  governanceProjectFollows,
  governanceProjects,
  governanceTasks,
} from './tables.ts';

// "Download my data": the projects a person follows and the groups they sit in. Deleting the
// account removes follows, memberships, attendance and notices (cascade); meetings, tasks and
// reports they wrote stay with the group, naming nobody.
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
    },
  },
} satisfies ModulePrivacy;
