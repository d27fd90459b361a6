import { asc, eq } from 'drizzle-orm';
import type { ModulePrivacy } from '../../../platform/modules/define.ts';
import { governanceModerationItems, governanceModerationReports } from './tables.ts';

// "Download my data": the reports a person made and their appeals. Deleting the account deletes
// their reports (the foreign key cascades; the counts already taken stand) and unlinks them as
// author or deciding staff member of moderated items.
export const privacy = {
  exporters: {
    moderationReports: async (db, userId) =>
      db
        .select({
          targetType: governanceModerationReports.targetType,
          reason: governanceModerationReports.reason,
          note: governanceModerationReports.note,
          createdAt: governanceModerationReports.createdAt,
        })
        .from(governanceModerationReports)
        .where(eq(governanceModerationReports.reporterId, userId))
        .orderBy(asc(governanceModerationReports.createdAt)),
    moderationAppeals: async (db, userId) =>
      db
        .select({
          targetType: governanceModerationItems.targetType,
          state: governanceModerationItems.state,
          reason: governanceModerationItems.reason,
          appeal: governanceModerationItems.appeal,
          appealedAt: governanceModerationItems.appealedAt,
        })
        .from(governanceModerationItems)
        .where(eq(governanceModerationItems.authorId, userId))
        .orderBy(asc(governanceModerationItems.firstReportedAt)),
  },
} satisfies ModulePrivacy;
