import { sql } from 'drizzle-orm';
import type { ApplyStatus } from '../../../../contracts/youth-policies.ts';
import { type DbOrTx, queryRows } from '../../../platform/db/connect.ts';
import { todayInSeoul } from '../../../platform/time/index.ts';
import type { PolicyEligibility } from '../eligibility/types.ts';
import { applyStatus } from './status.ts';

export interface PolicyForEligibility {
  id: string;
  externalId: string | null;
  title: string;
  status: ApplyStatus;
  deadline: string | null;
  eligibility: PolicyEligibility;
}

const CODE_LISTS = [
  'region_codes',
  'employment_codes',
  'education_codes',
  'major_codes',
  'special_group_codes',
  'marital_codes',
] as const;
const SEP = String.fromCharCode(31);
const listOf = (joined: string): string[] => (joined === '' ? [] : joined.split(SEP));

interface Row {
  id: string;
  external_id: string | null;
  title: string;
  apply_status: ApplyStatus;
  deadline: string | null;
  min_age: number;
  max_age: number;
  region_codes: string;
  employment_codes: string;
  education_codes: string;
  major_codes: string;
  special_group_codes: string;
  marital_codes: string;
  income_condition: string | null;
  income_min: number;
  income_max: number;
  income_other: string | null;
}

/** Every published policy of the organization with its eligibility and its status on `on` (default today in Korea). */
export async function listPoliciesForEligibility(
  db: DbOrTx,
  organizationId: string,
  on: string = todayInSeoul(),
): Promise<PolicyForEligibility[]> {
  const status = applyStatus(on);
  // Code lists come as one string each, split here: parsing ~45 region codes per policy as
  // PostgreSQL arrays took most of the time of this query at 20,000 policies.
  const codeLists = sql.raw(CODE_LISTS.map((c) => `array_to_string(p.${c}, chr(31)) as ${c}`).join(', '));
  const rows = await queryRows<Row>(
    db,
    sql`select p.id, p.external_id, p.title, ${status.columns},
          p.min_age, p.max_age, ${codeLists}, p.income_condition, p.income_min, p.income_max, p.income_other
        from youth_policies p
        where p.organization_id = ${organizationId} and p.status = 'published'
        order by p.registered_at desc, p.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    externalId: r.external_id,
    title: r.title,
    status: r.apply_status,
    deadline: r.deadline,
    eligibility: {
      minAge: r.min_age,
      maxAge: r.max_age,
      regionCodes: listOf(r.region_codes),
      employmentCodes: listOf(r.employment_codes),
      educationCodes: listOf(r.education_codes),
      majorCodes: listOf(r.major_codes),
      specialGroupCodes: listOf(r.special_group_codes),
      maritalCodes: listOf(r.marital_codes),
      incomeConditionCode: r.income_condition,
      incomeMin: r.income_min,
      incomeMax: r.income_max,
      incomeOther: r.income_other,
    },
  }));
}

/**
 * A value that changes whenever any policy of the organization is added or changed (every write
 * sets updated_at): read from the (organization_id, updated_at) index, a few milliseconds where
 * loading the list takes hundreds. The sum, not only the latest time, also sees a transaction
 * that commits after a later one.
 */
async function listVersion(db: DbOrTx, organizationId: string): Promise<string> {
  const [v] = await queryRows<{ n: number; total: string | null }>(
    db,
    sql`select count(*)::int8 as n, sum(extract(epoch from updated_at))::text as total
          from youth_policies where organization_id = ${organizationId}`,
  );
  return `${v.n}|${v.total ?? ''}`;
}

// The self-check and "policies for me" read the whole published list on every request (over a
// second for 20,000 policies); this per-process cache keeps it per (database, organization, day).
// A list older than FRESH_MS is checked against the table's version in the background (and
// reloaded only when that changed) while requests go on using it; one older than STALE_MS is not
// used. A staff change shows up FRESH_MS later at most, at once in this process when the command
// calls forgetPoliciesForEligibility.
const FRESH_MS = 10_000;
const STALE_MS = 60_000;
interface Cached {
  at: number;
  generation: number;
  version: Promise<string>;
  policies: Promise<PolicyForEligibility[]>;
  refreshing: boolean;
}
const cache = new WeakMap<object, Map<string, Cached>>();
const generations = new Map<string, number>();

/** listPoliciesForEligibility through the cache; concurrent misses share one query. */
export function cachedPoliciesForEligibility(
  db: DbOrTx,
  organizationId: string,
  on: string = todayInSeoul(),
): Promise<PolicyForEligibility[]> {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  const entries = perDb;
  const key = `${organizationId}|${on}`;
  const generation = generations.get(organizationId) ?? 0;
  const now = Date.now();
  const load = (version?: string): Cached => {
    // The version is read before the list: a change in between makes the next check reload.
    const read = version !== undefined ? Promise.resolve(version) : listVersion(db, organizationId);
    const entry: Cached = {
      at: now,
      generation,
      version: read,
      policies: read.then(() => listPoliciesForEligibility(db, organizationId, on)),
      refreshing: false,
    };
    entry.policies.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    return entry;
  };
  const hit = entries.get(key);
  if (hit && hit.generation === generation && now - hit.at < STALE_MS) {
    if (now - hit.at >= FRESH_MS && !hit.refreshing) {
      hit.refreshing = true;
      // The old list stays in use until the check (and a reload, if needed) is done.
      Promise.all([hit.version, listVersion(db, organizationId)])
        .then(async ([had, has]) => {
          if (had === has) {
            hit.at = Date.now();
            return;
          }
          const next = load(has);
          await next.policies;
          if (entries.get(key) === hit) entries.set(key, next);
        })
        .catch(() => {})
        .finally(() => {
          hit.refreshing = false;
        });
    }
    return hit.policies;
  }
  for (const [k, v] of entries) if (now - v.at >= STALE_MS) entries.delete(k);
  const entry = load();
  entries.set(key, entry);
  return entry.policies;
}

/** Drops the cached lists of an organization in this process (call after a policy change commits). */
export function forgetPoliciesForEligibility(organizationId: string): void {
  generations.set(organizationId, (generations.get(organizationId) ?? 0) + 1);
}
