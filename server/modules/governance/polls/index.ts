import { messages } from './messages.ts';
import { policies } from './policy.ts';
import { privacy } from './privacy.ts';
import { pollRoutes } from './routes.ts';
import { indexPolls, pollSearchLabel } from './search.ts';
import * as tables from './tables.ts';

// Polls and selection votes (투표·선정 투표): staff make single-choice, multiple-choice and "pick up
// to N" polls with who may vote (the platform's shared eligibility rules); one ballot per person,
// kept by the database; results live or after the close, with turnout.
export const pollsFeature = {
  routes: pollRoutes,
  policies,
  messages,
  privacy,
  personalTables: ['governance_polls', 'governance_ballots'],
  search: { labels: pollSearchLabel, reindex: indexPolls },
  tables,
};
