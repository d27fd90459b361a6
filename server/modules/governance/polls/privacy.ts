import { asc, eq } from 'drizzle-orm';
import type { ModulePrivacy } from '../../../platform/modules/define.ts';
import {
  governanceBallotChoices,
  governanceBallots,
  governancePollOptions,
  governancePolls,
} from './tables.ts';

// A person's ballots (the poll and what they chose) go with "download my data". Deleting the account
// unlinks the ballot (user_id cleared): it stays counted, naming nobody, so a published result never
// changes after the fact.
export const privacy = {
  exporters: {
    pollBallots: async (db, userId) =>
      db
        .select({
          poll: governancePolls.title,
          option: governancePollOptions.label,
          castAt: governanceBallots.castAt,
        })
        .from(governanceBallots)
        .innerJoin(governancePolls, eq(governancePolls.id, governanceBallots.pollId))
        .innerJoin(governanceBallotChoices, eq(governanceBallotChoices.ballotId, governanceBallots.id))
        .innerJoin(governancePollOptions, eq(governancePollOptions.id, governanceBallotChoices.optionId))
        .where(eq(governanceBallots.userId, userId))
        .orderBy(asc(governanceBallots.castAt), asc(governancePollOptions.position)),
  },
  erasers: {
    polls: async (tx, userId) => {
      await tx.update(governanceBallots).set({ userId: null }).where(eq(governanceBallots.userId, userId));
      await tx.update(governancePolls).set({ createdBy: null }).where(eq(governancePolls.createdBy, userId));
    },
  },
} satisfies ModulePrivacy;
