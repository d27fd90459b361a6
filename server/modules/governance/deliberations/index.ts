import { messages } from './messages.ts';
import { policies } from './policy.ts';
import { privacy } from './privacy.ts';
import { deliberationRoutes } from './routes.ts';
import * as tables from './tables.ts';
import { statementQueue } from './work-queue.ts';

// Deliberations (숙의 지도): stored statements and votes, the voting card's next statement, staff
// moderation and the opinion map computed with ../deliberation (what the governance module uses).
export const deliberationsFeature = {
  routes: deliberationRoutes,
  policies,
  messages,
  privacy,
  personalTables: ['governance_deliberations', 'governance_participants', 'governance_statements'],
  workQueue: statementQueue,
  tables,
};
export { EXPORT_FILES, exportDeliberation } from './export.ts';
export { importPolisExport } from './import.ts';
export { cachedMap, loadVotes, mapOf } from './queries.ts';
