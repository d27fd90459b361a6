import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../../platform/db/connect.ts';
import { indexRecord, removeRecord } from '../../../../platform/search/index.ts';

// Published policies also appear in the site-wide search; anything else is taken out of it.
export const POLICY_RECORD_TYPE = 'youth.policy';

export async function syncPolicySearch(
  tx: DbOrTx,
  p: {
    organizationId: string;
    id: string;
    status: string;
    title: string;
    summary: string;
    supportContent: string;
    keywords: string[];
  },
): Promise<void> {
  if (p.status !== 'published') {
    await removeRecord(tx, {
      organizationId: p.organizationId,
      recordType: POLICY_RECORD_TYPE,
      recordId: p.id,
    });
    return;
  }
  await indexRecord(tx, {
    organizationId: p.organizationId,
    recordType: POLICY_RECORD_TYPE,
    recordId: p.id,
    title: p.title,
    body: [p.summary, p.keywords.join(' '), p.supportContent].filter(Boolean).join('\n'),
    url: `/youth/policies/${p.id}`,
    isPublic: true,
  });
}

/**
 * After a bulk import: GIN indexes keep new entries in a pending list until a vacuum (which PGlite
 * never runs) merges them; every search reads that list, and the planner, pricing it, turned to
 * sequential scans that read each policy's document (100+ ms instead of a few). Merging it and
 * refreshing the planner's statistics keeps the list search on its indexes.
 */
export async function settlePolicySearch(db: DbOrTx): Promise<void> {
  await db.execute(sql`select gin_clean_pending_list(c.oid)
    from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
    where i.indrelid = 'youth_policies'::regclass and a.amname = 'gin'`);
  await db.execute(sql`analyze youth_policies`);
}
