import { messages } from './messages.ts';
import { policies } from './policy.ts';
import { privacy } from './privacy.ts';
import { debateRoutes } from './routes.ts';
import * as tables from './tables.ts';

// Debates (토론) in a participatory process: an open question, threaded stance comments, closed by
// staff with a conclusion.
export const debatesFeature = {
  routes: debateRoutes,
  policies,
  messages,
  privacy,
  personalTables: ['governance_debates', 'governance_debate_comments'],
  tables,
};
