import type { DbOrTx } from '../db/connect.ts';
import type { ModuleSearch } from '../modules/define.ts';
import { assertModulesInstalled } from '../modules/installed.ts';

// What each record type in the search index is, as modules declare it, and how to rebuild them.
const labels = new Map<string, { ko: string; en: string }>();
const reindexers: Array<NonNullable<ModuleSearch['reindex']>> = [];

export function registerSearch(search: ModuleSearch): void {
  for (const [recordType, label] of Object.entries(search.labels)) {
    if (labels.has(recordType)) throw new Error(`Search record type ${recordType} is declared twice`);
    labels.set(recordType, label);
  }
  if (search.reindex) reindexers.push(search.reindex);
}

/** The label people see for a record type (the type itself only if no module declared it). */
export function searchLabel(recordType: string): { ko: string; en: string } | undefined {
  return labels.get(recordType);
}

/** Rebuilds every module's search entries for one organization. */
export async function reindexAll(tx: DbOrTx, organizationId: string): Promise<void> {
  assertModulesInstalled('Search sources');
  for (const reindex of reindexers) await reindex(tx, organizationId);
}
