import { indexAdministration } from '../../server/modules/administration/index.ts';
import { indexEnterprises } from '../../server/modules/social-economy/index.ts';
import type { DbOrTx } from '../../server/platform/db/connect.ts';

/** Indexes the demo's public records for search, after the builders that create them. */
export async function buildSearchIndex(tx: DbOrTx, organizationId: string): Promise<void> {
  await indexAdministration(tx, organizationId);
  await indexEnterprises(tx, organizationId);
}
