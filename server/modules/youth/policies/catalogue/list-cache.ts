import type { PolicyListQuery } from '../../../../../contracts/youth-policies.ts';
import { defineCache } from '../../../../platform/cache/define.ts';
import type { DbOrTx } from '../../../../platform/db/connect.ts';
import { todayInSeoul } from '../../../../platform/time/index.ts';

// Catalogue pages are public and the same for everyone, and searches come in bursts of the same
// few words: each process keeps an answer for a few seconds. A policy change (policiesChanged)
// drops the organization's pages in this process at once and tells the other processes through
// their cache listeners; the short TTL covers a change from a process with no listener (the CLI).
// Answers are kept as the JSON sent (UTF-8).
const lists = defineCache<Buffer>({ name: 'youth.policy-lists', max: 1_000, ttlMs: 5_000, answer: true });

const keyOf = (organizationId: string, query: PolicyListQuery) =>
  `${organizationId}|${todayInSeoul()}|${Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')}`;

export function forgetPolicyLists(organizationId: string): void {
  void lists.invalidate({ prefix: `${organizationId}|` });
}

/** The cached answer (a PolicyList as JSON in UTF-8) for this query, else `load()` (concurrent misses share it). */
export function cachedPolicyList(
  db: DbOrTx,
  organizationId: string,
  query: PolicyListQuery,
  load: () => Promise<Buffer>,
): Promise<Buffer> {
  return lists.get(db, keyOf(organizationId, query), load);
}
