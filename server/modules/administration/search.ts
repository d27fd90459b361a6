import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/connect.ts';
import { forOrg } from '../../platform/db/tenant.ts';
import { indexRecord } from '../../platform/search/index.ts';
import { adminFacilities, adminPlanItems, adminPlanTargets } from './tables.ts';

/** Puts the public plan items (with their targets) and facilities into the search index. */
export async function indexAdministration(tx: DbOrTx, organizationId: string): Promise<void> {
  const items = await tx.select().from(adminPlanItems).where(forOrg(adminPlanItems, organizationId));
  for (const item of items) {
    const targets = await tx
      .select({ ko: adminPlanTargets.descriptionKo, en: adminPlanTargets.descriptionEn })
      .from(adminPlanTargets)
      .where(forOrg(adminPlanTargets, organizationId, eq(adminPlanTargets.planItemId, item.id)));
    await indexRecord(tx, {
      organizationId,
      recordType: 'administration.plan_item',
      recordId: item.id,
      title: `${item.year} ${item.titleKo}`,
      body: [item.titleEn, ...targets.flatMap((t) => [t.ko, t.en])].join('\n'),
      url: `/administration/plan?year=${item.year}`,
      isPublic: true,
    });
  }
  const facilities = await tx.select().from(adminFacilities).where(forOrg(adminFacilities, organizationId));
  for (const f of facilities) {
    await indexRecord(tx, {
      organizationId,
      recordType: 'administration.facility',
      recordId: f.id,
      title: f.nameKo,
      body: [f.nameEn, f.address, f.notesKo, f.notesEn].filter(Boolean).join('\n'),
      url: '/administration/facilities',
      isPublic: true,
    });
  }
}
