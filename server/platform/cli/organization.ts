import { eq } from 'drizzle-orm';
import { ensureOrganization } from '../../../seed/builders/organization.ts';
import type { DbOrTx } from '../db/connect.ts';
import { findOrganizationBySlug } from '../tenants/queries.ts';
import { type Organization, organizations } from '../tenants/tables.ts';
import { CliError } from './types.ts';

/**
 * The organization a CLI command works in: the one named by --org, else the default one. A new
 * database gets the default organization first, so commands work before the server ever started.
 */
export async function cliOrganization(db: DbOrTx, slug?: string): Promise<Organization> {
  if (slug) {
    const org = await findOrganizationBySlug(db, slug);
    if (!org)
      throw new CliError(`No organization with slug ${slug}. Add it first with: npm run cli -- org add`);
    return org;
  }
  const [fallback] = await db.select().from(organizations).where(eq(organizations.isDefault, true));
  return fallback ?? ensureOrganization(db);
}
