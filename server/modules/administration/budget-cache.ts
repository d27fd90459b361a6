import type { BudgetView } from '../../../contracts/administration.ts';
import type { DbOrTx } from '../../platform/db/connect.ts';
import { getBudget } from './queries.ts';

// The public budget page is read far more often than the budget changes, so each process keeps a
// year's view for a few seconds. A command that changes budget units calls forgetBudgets(); other
// processes see the change within BUDGET_CACHE_MS.
export const BUDGET_CACHE_MS = 5_000;
const MAX_ENTRIES = 1_000;

const caches = new WeakMap<object, Map<string, { at: number; view: Promise<BudgetView> }>>();

export async function cachedBudget(
  db: DbOrTx,
  organizationId: string,
  year: number,
  now = Date.now(),
): Promise<BudgetView> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const key = `${organizationId}:${year}`;
  const hit = cache.get(key);
  if (hit && now - hit.at < BUDGET_CACHE_MS) return hit.view;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  // The promise is cached, so concurrent requests for a cold year share one query; a failure (404) is not kept.
  const view = getBudget(db, organizationId, year);
  cache.set(key, { at: now, view });
  view.catch(() => {
    if (cache.get(key)?.view === view) cache.delete(key);
  });
  return view;
}

export function forgetBudgets(db: DbOrTx): void {
  caches.delete(db);
}
