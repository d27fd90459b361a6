import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.ts';
import { findOrganizationBySlug } from '../tenants/queries.ts';
import { type Organization, organizations } from '../tenants/tables.ts';
import { CliError } from './types.ts';

/**
 * The organization a CLI command works in: the one named by --org, else the default one. A fresh
 * database has none until `org add` (or the demo) made one: the command says so.
 */
export async function cliOrganization(db: DbOrTx, slug?: string): Promise<Organization> {
  if (slug) {
    const org = await findOrganizationBySlug(db, slug);
    if (!org)
      throw new CliError(`No organization with slug ${slug}. Add it first with: npm run cli -- org add`);
    return org;
  }
  const [fallback] = await db.select().from(organizations).where(eq(organizations.isDefault, true));
  if (!fallback)
    throw new CliError(
      'No organization yet. Add the first one with: npm run cli -- org add --slug S --name-ko 이름 --name-en Name',
    );
  return fallback;
}
