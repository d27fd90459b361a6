import { eq, isNull, not } from 'drizzle-orm';
import type { ProposalCategory } from '../../../../contracts/governance-proposals.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { indexRecord, removeRecord } from '../../../platform/search/index.ts';
import { hiddenWhere } from '../moderation/index.ts';
import { governanceProposals as P } from './tables.ts';

// Proposals in the site-wide search: a proposal is indexed by its title, text and category while it
// is shown to everyone, and taken out once its author withdraws it or while moderation hides it (by reports or by staff) — the same
// rule as the process's list and the proposal's page. It is (re)indexed when it is posted, when an
// accepted amendment replaces its text, when staff answer it, and when moderation hides or restores
// it (moderation calls back here: see governance/index.ts). The result opens the proposal's page.
export const PROPOSAL_RECORD_TYPE = 'governance.proposal';
export const proposalSearchLabel = { [PROPOSAL_RECORD_TYPE]: { ko: '주민 제안', en: 'Proposal' } };

/** The category in words, as the proposal's page shows it (found by 환경, 안전, …). */
const CATEGORY: Record<ProposalCategory, string> = {
  welfare: '복지·돌봄',
  economy: '지역경제',
  youth: '청년',
  environment: '환경',
  safety: '안전',
  culture: '문화·교육',
  participation: '주민참여',
  other: '기타',
};

/** (Re)indexes one proposal of the organization in the caller's transaction: removed unless it is shown to everyone. */
export async function indexProposal(tx: DbOrTx, organizationId: string, proposalId: string): Promise<void> {
  const [proposal] = await tx
    .select({ id: P.id, title: P.title, body: P.body, category: P.category })
    .from(P)
    .where(
      forOrg(
        P,
        organizationId,
        eq(P.id, proposalId),
        isNull(P.withdrawnAt),
        not(hiddenWhere('proposal', P.id)),
      ),
    );
  if (!proposal) {
    await removeRecord(tx, { organizationId, recordType: PROPOSAL_RECORD_TYPE, recordId: proposalId });
    return;
  }
  await indexRecord(tx, {
    organizationId,
    recordType: PROPOSAL_RECORD_TYPE,
    recordId: proposal.id,
    title: proposal.title,
    body: `${proposal.body}\n${CATEGORY[proposal.category as ProposalCategory] ?? ''}`.trim(),
    url: `/governance/proposals/${proposal.id}`,
    isPublic: true,
  });
}

/** Every proposal of the organization (the search index's rebuild); hidden ones are removed. */
export async function indexProposals(tx: DbOrTx, organizationId: string): Promise<void> {
  const proposals = await tx.select({ id: P.id }).from(P).where(forOrg(P, organizationId));
  for (const p of proposals) await indexProposal(tx, organizationId, p.id);
}
