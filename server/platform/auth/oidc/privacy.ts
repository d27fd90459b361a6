import { eq } from 'drizzle-orm';
import type { ModulePrivacy } from '../../modules/define.ts';
import { userIdentities } from './tables.ts';

export const privacy = {
  exporters: {
    // Linked provider accounts are personal data: shown in "download my data", removed with the account.
    linkedIdentities: async (db, userId) =>
      db
        .select({
          issuer: userIdentities.issuer,
          subject: userIdentities.subject,
          createdAt: userIdentities.createdAt,
          lastLoginAt: userIdentities.lastLoginAt,
        })
        .from(userIdentities)
        .where(eq(userIdentities.userId, userId)),
  },
  erasers: {
    linkedIdentities: async (tx, userId) => {
      await tx.delete(userIdentities).where(eq(userIdentities.userId, userId));
    },
  },
} satisfies ModulePrivacy;
