import type { DbOrTx } from '../../../platform/db/connect.ts';
import { indexRecord, removeRecord } from '../../../platform/search/index.ts';

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
