import { desc, eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../db/connect.ts';
import { idempotencyKeys } from './tables.ts';

// Kept answers can quote what the person sent (a question's text), so they are theirs: listed in
// "download my data" (which requests, not the answers: those are in the export's own sections) and
// removed with the account rather than waiting out their 24 hours.
export const privacy = {
  exporters: {
    idempotencyKeys: async (db: DbOrTx, userId: string) =>
      db
        .select({
          key: idempotencyKeys.key,
          method: idempotencyKeys.method,
          route: idempotencyKeys.route,
          status: idempotencyKeys.responseStatus,
          createdAt: idempotencyKeys.createdAt,
          expiresAt: idempotencyKeys.expiresAt,
        })
        .from(idempotencyKeys)
        .where(eq(idempotencyKeys.userId, userId))
        .orderBy(desc(idempotencyKeys.createdAt)),
  },
  erasers: {
    idempotencyKeys: async (tx: Tx, userId: string) => {
      await tx.delete(idempotencyKeys).where(eq(idempotencyKeys.userId, userId));
    },
  },
};
