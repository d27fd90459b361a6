import type { PolicyList, PolicyListQuery } from '../../../../contracts/youth-policies.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { todayInSeoul } from '../../../platform/time/index.ts';

// Catalogue pages are public and the same for everyone, and searches come in bursts of the same
// few words: each process keeps an answer for TTL_MS. A policy change in this process drops them
// at once (policiesChanged); other processes show it within TTL_MS.
const TTL_MS = 5_000;
const MAX_ENTRIES = 1_000;

interface Entry {
  at: number;
  generation: number;
  list: Promise<PolicyList>;
}
const caches = new WeakMap<object, Map<string, Entry>>();
const generations = new Map<string, number>();

export function forgetPolicyLists(organizationId: string): void {
  generations.set(organizationId, (generations.get(organizationId) ?? 0) + 1);
}

const keyOf = (organizationId: string, query: PolicyListQuery) =>
  `${organizationId}|${todayInSeoul()}|${Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')}`;

/** The answer for this query from the last TTL_MS, else `load()` (concurrent misses share it). */
export function cachedPolicyList(
  db: DbOrTx,
  organizationId: string,
  query: PolicyListQuery,
  load: () => Promise<PolicyList>,
): Promise<PolicyList> {
  let entries = caches.get(db);
  if (!entries) {
    entries = new Map();
    caches.set(db, entries);
  }
  const key = keyOf(organizationId, query);
  const generation = generations.get(organizationId) ?? 0;
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.generation === generation && now - hit.at < TTL_MS) return hit.list;
  if (hit) entries.delete(key);
  // Oldest first (insertion order): drop the oldest when full.
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  const own = entries;
  const entry: Entry = { at: now, generation, list: load() };
  entry.list.catch(() => {
    if (own.get(key) === entry) own.delete(key);
  });
  entries.set(key, entry);
  return entry.list;
}
