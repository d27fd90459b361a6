import type { DbOrTx } from '../../platform/db/connect.ts';
import { forOrg } from '../../platform/db/tenant.ts';
import { indexRecord } from '../../platform/search/index.ts';
import { seEnterprises } from './tables.ts';

const KIND_KO: Record<string, string> = {
  social_enterprise: '사회적기업',
  cooperative: '협동조합',
  village_enterprise: '마을기업',
  self_sufficiency: '자활기업',
};

/** Puts the enterprise registry (public business records, no personal data) into the search index. */
export async function indexEnterprises(tx: DbOrTx, organizationId: string): Promise<void> {
  const rows = await tx.select().from(seEnterprises).where(forOrg(seEnterprises, organizationId));
  for (const e of rows) {
    await indexRecord(tx, {
      organizationId,
      recordType: 'social_economy.enterprise',
      recordId: e.id,
      title: e.name,
      body: [KIND_KO[e.kind], e.field, e.district].filter(Boolean).join(' · '),
      url: '/social-economy',
      isPublic: true,
    });
  }
}
