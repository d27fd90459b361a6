import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../server/platform/db/connect.ts';
import { type Organization, organizations } from '../../server/platform/tenants/tables.ts';

// The demo tenant: Yeongdeungpo-gu's Social Economy Division (영등포구 사회적경제과).
export const DEMO_ORGANIZATION = {
  slug: 'yeongdeungpo',
  nameKo: '영등포구 사회적경제과',
  nameEn: 'Yeongdeungpo-gu Social Economy Division',
} as const;

/** Creates the organization if its slug is new; the first one becomes the default tenant. */
export async function ensureOrganization(
  db: DbOrTx,
  org: { slug: string; nameKo: string; nameEn: string; host?: string | null } = DEMO_ORGANIZATION,
): Promise<Organization> {
  const [existing] = await db.select().from(organizations).where(eq(organizations.slug, org.slug));
  if (existing) return existing;
  const [any] = await db.select({ id: organizations.id }).from(organizations).limit(1);
  const [created] = await db
    .insert(organizations)
    .values({
      slug: org.slug,
      nameKo: org.nameKo,
      nameEn: org.nameEn,
      host: org.host ?? null,
      isDefault: !any,
    })
    .returning();
  return created;
}
