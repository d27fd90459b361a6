import { defineModule } from '../../platform/modules/define.ts';
import { debatesFeature as debates } from './debates/index.ts';
import { deliberationsFeature as deliberations } from './deliberations/index.ts';
import { moderationFeature as moderation, onProposalVisibilityChange } from './moderation/index.ts';
import { pollsFeature as polls } from './polls/index.ts';
import { processesFeature as processes } from './processes/index.ts';
import { projectsFeature as projects } from './projects/index.ts';
import { proposalsFeature as proposals } from './proposals/index.ts';

// Governance (협치, issue 11): the deliberation map — statements, votes, moderation and the
// Pol.is-style opinion map (deliberation/ holds the math) — processes, proposals, polls, and the
// governance projects with their working groups (projects/).

// A proposal moderation hides leaves the site search, and comes back when it is shown again.
onProposalVisibilityChange(proposals.indexProposal);

export const governanceModule = defineModule({
  name: 'governance',
  routes: [
    deliberations.routes,
    processes.routes,
    proposals.routes,
    debates.routes,
    polls.routes,
    projects.routes,
    moderation.routes,
  ],
  policies: [
    deliberations.policies,
    processes.policies,
    proposals.policies,
    debates.policies,
    polls.policies,
    projects.policies,
    moderation.policies,
  ],
  messages: [
    deliberations.messages,
    processes.messages,
    proposals.messages,
    debates.messages,
    polls.messages,
    projects.messages,
    moderation.messages,
  ],
  privacy: [
    deliberations.privacy,
    proposals.privacy,
    debates.privacy,
    polls.privacy,
    projects.privacy,
    moderation.privacy,
  ],
  personalTables: {
    covers: [
      ...deliberations.personalTables,
      ...proposals.personalTables,
      ...debates.personalTables,
      ...polls.personalTables,
      ...projects.personalTables,
      ...moderation.personalTables,
    ],
  },
  workQueues: [deliberations.workQueue, moderation.workQueue],
  search: {
    labels: { ...polls.search.labels, ...processes.search.labels, ...proposals.search.labels },
    reindex: async (tx, organizationId) => {
      await polls.search.reindex(tx, organizationId);
      await processes.search.reindex(tx, organizationId);
      await proposals.search.reindex(tx, organizationId);
    },
  },
  notificationKinds: [
    ...proposals.notificationKinds,
    projects.notificationKind,
    ...moderation.notificationKinds,
  ],
  tables: {
    ...deliberations.tables,
    ...processes.tables,
    ...proposals.tables,
    ...debates.tables,
    ...polls.tables,
    ...projects.tables,
    ...moderation.tables,
  },
});
