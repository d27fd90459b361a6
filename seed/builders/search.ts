import type { DbOrTx } from '../../server/platform/db/connect.ts';
import { reindexAll } from '../../server/platform/search/sources.ts';

/** Indexes the demo's public records for search, after the builders that create them. */
export async function buildSearchIndex(tx: DbOrTx, organizationId: string): Promise<void> {
  await reindexAll(tx, organizationId);
}
