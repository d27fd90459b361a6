import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { indexRecord, removeRecord } from '../../../platform/search/index.ts';
import { governancePollOptions, governancePolls } from './tables.ts';

// Polls in the site-wide search: every poll is public (the list and its page show upcoming, open and
// closed ones alike), so each is indexed by its title, description and option labels when staff
// create, change or close it, and taken out if one is ever deleted. The result opens the poll's page.
export const POLL_RECORD_TYPE = 'governance.poll';
export const pollSearchLabel = { [POLL_RECORD_TYPE]: { ko: '투표', en: 'Poll' } };

/** (Re)indexes one poll of the organization, in the caller's transaction; a poll no longer there is removed. */
export async function indexPoll(tx: DbOrTx, organizationId: string, pollId: string): Promise<void> {
  const [poll] = await tx
    .select({
      id: governancePolls.id,
      title: governancePolls.title,
      description: governancePolls.description,
    })
    .from(governancePolls)
    .where(forOrg(governancePolls, organizationId, eq(governancePolls.id, pollId)));
  if (!poll) {
    await removeRecord(tx, { organizationId, recordType: POLL_RECORD_TYPE, recordId: pollId });
    return;
  }
  const options = await tx
    .select({ label: governancePollOptions.label })
    .from(governancePollOptions)
    .where(forOrg(governancePollOptions, organizationId, eq(governancePollOptions.pollId, pollId)))
    .orderBy(asc(governancePollOptions.position));
  await indexRecord(tx, {
    organizationId,
    recordType: POLL_RECORD_TYPE,
    recordId: poll.id,
    title: poll.title,
    body: [poll.description, options.map((o) => o.label).join(' · ')].filter(Boolean).join('\n'),
    url: `/governance/polls/${poll.id}`,
    isPublic: true,
  });
}

/** Every poll of the organization (the search index's rebuild). */
export async function indexPolls(tx: DbOrTx, organizationId: string): Promise<void> {
  const polls = await tx
    .select({ id: governancePolls.id })
    .from(governancePolls)
    .where(forOrg(governancePolls, organizationId));
  for (const p of polls) await indexPoll(tx, organizationId, p.id);
}
