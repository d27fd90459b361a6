import { sql } from 'drizzle-orm';
import { defineCache } from '../../../../platform/cache/define.ts';
import { type Db, type DbOrTx, queryRows } from '../../../../platform/db/connect.ts';
import { buildCatalogue, type Catalogue, readEntries } from './copy.ts';

// The published catalogue of an organization, held in each process: 20,000 policies are some tens
// of MB with their search indexes, and a search over them costs well under a millisecond, where
// the same search in SQL cost 10–300 ms (and blocked PGlite's one connection meanwhile).
// PostgreSQL stays the source of truth; the copy follows the table as described below.

/**
 * One copy per organization and database handle, in the platform cache: a write to youth_policies
 * anywhere notifies every process when it commits (migration 0111's trigger), the cache drops the
 * entry, and the next search brings the copy up to date, reading only the rows whose xmin (the
 * row version, new on every write) changed. A change made in this process drops it at once
 * (forgetCatalogue). While a process cannot hear notifications, the cache keeps nothing and every
 * search checks the table first (slower, never stale).
 */
const catalogues = defineCache<Catalogue>({ name: 'youth.catalogue', max: 100, ttlMs: 10 * 60_000 });

/** The last copy read, per database handle and organization: the base of the next update. */
const lastCopies = new WeakMap<object, Map<string, Catalogue>>();

/** The copy brought up to date: unchanged rows are kept, changed and new ones read, gone ones dropped. */
async function upToDate(db: DbOrTx, organizationId: string): Promise<Catalogue> {
  let copies = lastCopies.get(db);
  if (!copies) {
    copies = new Map();
    lastCopies.set(db, copies);
  }
  const old = copies.get(organizationId);
  let next: Catalogue;
  if (!old) next = buildCatalogue(await readEntries(db, organizationId));
  else {
    const rows = await queryRows<{ id: string; xmin: number }>(
      db,
      sql`select id, xmin::text::int8 as xmin from youth_policies
           where organization_id = ${organizationId} and status = 'published'`,
    );
    const before = new Map(old.entries.map((e) => [e.id, e.xmin]));
    const changed = new Set(rows.filter((r) => before.get(r.id) !== Number(r.xmin)).map((r) => r.id));
    if (changed.size === 0 && rows.length === old.entries.length) return old; // its memos stay
    // A large change (an import) is cheaper read whole than id by id.
    if (changed.size > rows.length / 4) next = buildCatalogue(await readEntries(db, organizationId));
    else {
      const published = new Set(rows.map((r) => r.id));
      const kept = old.entries.filter((e) => published.has(e.id) && !changed.has(e.id));
      const fresh = changed.size > 0 ? await readEntries(db, organizationId, [...changed]) : [];
      next = buildCatalogue([...kept, ...fresh]);
    }
  }
  copies.set(organizationId, next);
  return next;
}

/** The organization's published catalogue, current as described above. */
export function catalogueOf(db: DbOrTx, organizationId: string): Promise<Catalogue> {
  return catalogues.get(db as Db, organizationId, () => upToDate(db, organizationId));
}

/** After a policy change commits in this process: its next search reads the table first. */
export function forgetCatalogue(organizationId: string): void {
  void catalogues.invalidate({ key: organizationId });
}
