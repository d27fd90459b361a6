import { eq } from 'drizzle-orm';
import { defineCache } from '../cache/define.ts';
import type { Db, DbOrTx } from '../db/connect.ts';
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

interface Tenants {
  byHost: Map<string, Organization>;
  fallback: Organization | null;
}

// Every request needs its organization, and organizations change rarely: the whole table is kept
// in memory, and a change notifies every process (forgetOrganizations). Not an answer cache, so
// HAMKKE_ANSWER_CACHE=0 leaves it on. An empty table is not kept, so the organization the CLI adds
// to a fresh server is seen at once.
const tenants = defineCache<Tenants | null>({
  name: 'tenants',
  max: 1,
  ttlMs: 60_000,
  keep: (value) => value !== null,
});

async function loadTenants(db: DbOrTx): Promise<Tenants | null> {
  const rows = await db.select().from(organizations);
  if (rows.length === 0) return null;
  const byHost = new Map<string, Organization>();
  for (const row of rows) if (row.host) byHost.set(row.host.toLowerCase(), row);
  return { byHost, fallback: rows.find((r) => r.isDefault) ?? null };
}

export async function resolveOrganization(db: DbOrTx, host: string | undefined): Promise<Organization> {
  return organizationFor(await tenants.get(db, 'all', () => loadTenants(db)), host);
}

/** The organization for `host` when the organizations are in memory already; else undefined. */
export function organizationInMemory(db: DbOrTx, host: string | undefined): Organization | undefined {
  const entry = tenants.peek(db, 'all');
  return entry ? organizationFor(entry, host) : undefined;
}

function organizationFor(entry: Tenants | null, host: string | undefined): Organization {
  if (!entry) return NOT_INSTALLED;
  const colon = host?.indexOf(':') ?? -1;
  const hostname = (colon >= 0 ? host?.slice(0, colon) : host)?.toLowerCase();
  const org = (hostname && entry.byHost.get(hostname)) || entry.fallback;
  if (!org) throw new AppError('no_organization', 503);
  return org;
}

/**
 * After organizations change: every process looks them up again. Inside the changing transaction
 * pass it as `tx` (heard when it commits); after a commit, call it with the handle alone.
 */
export function forgetOrganizations(db: Db, tx?: DbOrTx): Promise<void> {
  return tenants.invalidate({ db, tx });
}

export async function findOrganizationBySlug(db: DbOrTx, slug: string): Promise<Organization | null> {
  const [row] = await db.select().from(organizations).where(eq(organizations.slug, slug));
  return row ?? null;
}

export async function findOrganizationById(db: DbOrTx, id: string): Promise<Organization | null> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  return row ?? null;
}
