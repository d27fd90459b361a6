import { messages } from './messages.ts';
import { policies } from './policy.ts';
import { processRoutes } from './routes.ts';
import { indexProcesses, processSearchLabel } from './search.ts';
import * as tables from './tables.ts';

// Participatory processes (참여 과정): phases with dates and the parts each phase switches on.
export const processesFeature = {
  routes: processRoutes,
  policies,
  messages,
  search: { labels: processSearchLabel, reindex: indexProcesses },
  tables,
};
export { findProcess } from './queries.ts';
export { governanceProcesses } from './tables.ts';
