import { defineModule } from '../../platform/modules/define.ts';
import { deliberationsFeature as deliberations } from './deliberations/index.ts';
import { pollsFeature as polls } from './polls/index.ts';

// Governance (협치, issue 11): so far the deliberation map — statements, votes, moderation and the
// Pol.is-style opinion map (deliberation/ holds the math). Processes, proposals and the governance
// projects come later.
export const governanceModule = defineModule({
  name: 'governance',
  routes: [deliberations.routes, polls.routes],
  policies: [deliberations.policies, polls.policies],
  messages: [deliberations.messages, polls.messages],
  privacy: [deliberations.privacy, polls.privacy],
  personalTables: { covers: [...deliberations.personalTables, ...polls.personalTables] },
  workQueues: [deliberations.workQueue],
  tables: { ...deliberations.tables, ...polls.tables },
});
