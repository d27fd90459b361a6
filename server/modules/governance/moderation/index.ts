import { messages } from './messages.ts';
import { contentModeratedKind } from './notify.ts';
import { policies } from './policy.ts';
import { privacy } from './privacy.ts';
import { moderationWorkQueue } from './queries.ts';
import { moderationRoutes } from './routes.ts';
import * as tables from './tables.ts';

export { maskProfanity } from './profanity.ts';
// Moderation of proposals and comments (신고, the staff queue, hiding with a reason and appeals),
// and what the proposals feature asks of it when it shows and takes posts.
export { hiddenWhere } from './queries.ts';
export { POSTING_LIMIT, POSTING_WINDOW_MINUTES, spamReason } from './spam.ts';
export { onProposalVisibilityChange } from './visibility.ts';

export const moderationFeature = {
  routes: moderationRoutes,
  policies,
  messages,
  privacy,
  notificationKinds: [contentModeratedKind],
  personalTables: ['governance_moderation_items', 'governance_moderation_reports'],
  workQueue: moderationWorkQueue,
  tables,
};
