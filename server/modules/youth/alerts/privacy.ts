import { asc, eq } from 'drizzle-orm';
import type { ModulePrivacy } from '../../../platform/modules/define.ts';
import { youthAlerts, youthFollows } from './tables.ts';

export const privacy = {
  exporters: {
    // Follows and alerts say what a person cares about: theirs to download, erased with the account.
    youthFollows: async (db, userId) =>
      db
        .select({
          kind: youthFollows.targetKind,
          target: youthFollows.target,
          createdAt: youthFollows.createdAt,
        })
        .from(youthFollows)
        .where(eq(youthFollows.userId, userId))
        .orderBy(asc(youthFollows.createdAt)),
    youthAlerts: async (db, userId) =>
      db
        .select({
          kind: youthAlerts.kind,
          policyId: youthAlerts.policyId,
          concerns: youthAlerts.concerns,
          createdAt: youthAlerts.createdAt,
        })
        .from(youthAlerts)
        .where(eq(youthAlerts.userId, userId))
        .orderBy(asc(youthAlerts.createdAt)),
  },
  erasers: {
    youthFollowsAlerts: async (tx, userId) => {
      await tx.delete(youthFollows).where(eq(youthFollows.userId, userId));
      await tx.delete(youthAlerts).where(eq(youthAlerts.userId, userId));
    },
  },
} satisfies ModulePrivacy;
