import type { FastifyInstance } from 'fastify';
import { proposalShownOrHidden } from './authoring.ts';
import { imageMessages, imageRoutes } from './image.ts';
import { messages } from './messages.ts';
import { proposalAnsweredKind, proposalWithdrawnKind } from './notify.ts';
import { policies } from './policy.ts';
import { privacy } from './privacy.ts';
import { proposalRoutes } from './routes.ts';
import { indexProposals, proposalSearchLabel } from './search.ts';
import * as tables from './tables.ts';

// Proposals (주민 제안) in a participatory process: supports, threaded stance comments, amendments
// and staff's official answer.
export const proposalsFeature = {
  // The image routes are their own plugin: only they take a raw image body.
  routes: async (app: FastifyInstance) => {
    await app.register(proposalRoutes);
    await app.register(imageRoutes);
  },
  policies,
  messages: { ...messages, ...imageMessages },
  privacy,
  notificationKinds: [proposalAnsweredKind, proposalWithdrawnKind],
  search: { labels: proposalSearchLabel, reindex: indexProposals },
  /**
   * Moderation hid or showed a proposal again: its search entry and its image follow (wired in
   * governance/index.ts; the image is withheld while the proposal is hidden or withdrawn).
   */
  indexProposal: proposalShownOrHidden,
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
