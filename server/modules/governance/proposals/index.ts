import { messages } from './messages.ts';
import { proposalAnsweredKind } from './notify.ts';
import { policies } from './policy.ts';
import { privacy } from './privacy.ts';
import { proposalRoutes } from './routes.ts';
import * as tables from './tables.ts';

// Proposals (주민 제안) in a participatory process: supports, threaded stance comments, amendments
// and staff's official answer.
export const proposalsFeature = {
  routes: proposalRoutes,
  policies,
  messages,
  privacy,
  notificationKinds: [proposalAnsweredKind],
  personalTables: [
    'governance_processes',
    'governance_proposals',
    'governance_proposal_coauthors',
    'governance_proposal_supports',
    'governance_proposal_comments',
    'governance_proposal_amendments',
  ],
  tables,
};
