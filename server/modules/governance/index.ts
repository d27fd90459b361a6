import { defineModule } from '../../platform/modules/define.ts';
import { deliberationsFeature as deliberations } from './deliberations/index.ts';

// Governance (협치, issue 11): so far the deliberation map — statements, votes, moderation and the
// Pol.is-style opinion map (deliberation/ holds the math). Processes, proposals and the governance
// projects come later.
export const governanceModule = defineModule({
  name: 'governance',
  routes: [deliberations.routes],
  policies: [deliberations.policies],
  messages: [deliberations.messages],
  privacy: [deliberations.privacy],
  personalTables: { covers: deliberations.personalTables },
  workQueues: [deliberations.workQueue],
  tables: { ...deliberations.tables },
});
