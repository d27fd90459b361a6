import type { BudgetView } from '../../../contracts/administration.ts';
import { defineCache } from '../../platform/cache/define.ts';
import type { Db, DbOrTx } from '../../platform/db/connect.ts';
import { getBudget } from './queries.ts';

// The public budget page is read far more often than the budget changes, so each process keeps a
// year's view. Whatever changes budget units calls forgetBudgets(), which every process hears;
// the TTL only bounds a change made behind our back (by hand in SQL).
export const BUDGET_CACHE_MS = 60_000;

const budgets = defineCache<BudgetView>({
  name: 'administration.budget',
  max: 1_000,
  ttlMs: BUDGET_CACHE_MS,
  answer: true,
});

/** The budget view for the year; concurrent requests for a cold year share one query; a 404 is not kept. */
export function cachedBudget(db: DbOrTx, organizationId: string, year: number): Promise<BudgetView> {
  return budgets.get(db, `${organizationId}|${year}`, () => getBudget(db, organizationId, year));
}

/** After budget units change (pass the transaction as `tx` to be heard when it commits). */
export function forgetBudgets(db: Db, tx?: DbOrTx): Promise<void> {
  return budgets.invalidate({ db, tx });
}
