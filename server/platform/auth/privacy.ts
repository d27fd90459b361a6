import { desc, eq } from 'drizzle-orm';
import type { ModulePrivacy } from '../modules/define.ts';
import { authTokens, loginFailures } from './account-tables.ts';
import { users } from './tables.ts';

export const privacy = {
  exporters: {
    // The account flows' part of "download my data" and of account deletion. Token hashes and the
    // addresses of whoever failed to sign in to the account are left out of the export.
    accountLinks: async (db, userId) =>
      db
        .select({
          purpose: authTokens.purpose,
          createdAt: authTokens.createdAt,
          expiresAt: authTokens.expiresAt,
          usedAt: authTokens.usedAt,
        })
        .from(authTokens)
        .where(eq(authTokens.userId, userId))
        .orderBy(desc(authTokens.createdAt)),
    failedSignIns: async (db, userId) => {
      const [user] = await db
        .select({ email: users.emailNormalized })
        .from(users)
        .where(eq(users.id, userId));
      if (!user?.email) return [];
      return db
        .select({ at: loginFailures.at })
        .from(loginFailures)
        .where(eq(loginFailures.emailNormalized, user.email))
        .orderBy(desc(loginFailures.at));
    },
  },
  erasers: {
    accountLinksAndFailedSignIns: async (tx, userId) => {
      await tx.delete(authTokens).where(eq(authTokens.userId, userId));
      const [user] = await tx
        .select({ email: users.emailNormalized })
        .from(users)
        .where(eq(users.id, userId));
      if (user?.email) await tx.delete(loginFailures).where(eq(loginFailures.emailNormalized, user.email));
    },
  },
} satisfies ModulePrivacy;
