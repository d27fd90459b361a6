import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.ts';
import { AppError } from '../errors.ts';
import './messages.ts';
import { type Organization, organizations } from './tables.ts';

/**
 * The tenant of a fresh install, before `org add` made the first organization. Requests carry it so
 * that health checks and the first-run page work; every other route refuses it (`requireInstalled`).
 */
export const NOT_INSTALLED: Organization = Object.freeze({
  id: '00000000-0000-0000-0000-000000000000',
  slug: '',
  nameKo: '',
  nameEn: '',
  host: null,
  isDefault: false,
  requireStaffTwoFactor: false,
  createdAt: new Date(0),
});

// Organizations change rarely; a short cache keeps the lookup off every request's path. An empty
// table is not cached, so the organization the CLI adds to a running server is seen at once.
const CACHE_MS = 30_000;
const cache = new WeakMap<
  object,
  { at: number; byHost: Map<string, Organization>; fallback: Organization | null }
>();

export async function resolveOrganization(db: DbOrTx, host: string | undefined): Promise<Organization> {
  let entry = cache.get(db);
  if (!entry || Date.now() - entry.at > CACHE_MS) {
    const rows = await db.select().from(organizations);
    if (rows.length === 0) return NOT_INSTALLED;
    const byHost = new Map<string, Organization>();
    for (const row of rows) if (row.host) byHost.set(row.host.toLowerCase(), row);
    entry = { at: Date.now(), byHost, fallback: rows.find((r) => r.isDefault) ?? null };
    cache.set(db, entry);
  }
  const hostname = host?.split(':')[0].toLowerCase();
  const org = (hostname && entry.byHost.get(hostname)) || entry.fallback;
  if (!org) throw new AppError('no_organization', 503);
  return org;
}

export function forgetOrganizations(db: DbOrTx): void {
  cache.delete(db);
}

export async function findOrganizationBySlug(db: DbOrTx, slug: string): Promise<Organization | null> {
  const [row] = await db.select().from(organizations).where(eq(organizations.slug, slug));
  return row ?? null;
}
