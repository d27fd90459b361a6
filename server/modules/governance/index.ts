import { defineModule } from '../../platform/modules/define.ts';
import { deliberationsFeature as deliberations } from './deliberations/index.ts';
import { pollsFeature as polls } from './polls/index.ts';
import { processesFeature as processes } from './processes/index.ts';
import { proposalsFeature as proposals } from './proposals/index.ts';

// Governance (협치, issue 11): so far the deliberation map — statements, votes, moderation and the
// Pol.is-style opinion map (deliberation/ holds the math). Processes, proposals and the governance
// projects come later.
export const governanceModule = defineModule({
  name: 'governance',
  routes: [deliberations.routes, processes.routes, proposals.routes, polls.routes],
  policies: [deliberations.policies, processes.policies, proposals.policies, polls.policies],
  messages: [deliberations.messages, processes.messages, proposals.messages, polls.messages],
  privacy: [deliberations.privacy, proposals.privacy, polls.privacy],
  personalTables: { covers: [...deliberations.personalTables, ...proposals.personalTables, ...polls.personalTables] },
  workQueues: [deliberations.workQueue],
  notificationKinds: [...proposals.notificationKinds],
  tables: { ...deliberations.tables, ...processes.tables, ...proposals.tables, ...polls.tables },
});
