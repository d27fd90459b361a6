import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.ts';
import { type Organization, organizations } from './tables.ts';

export interface NewOrganization {
  slug: string;
  nameKo: string;
  nameEn: string;
  host?: string | null;
}

/** Creates the organization if its slug is new (else returns it); the first one becomes the default tenant. */
export async function ensureOrganization(db: DbOrTx, org: NewOrganization): Promise<Organization> {
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
