import { count, eq, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import { governanceProposalSupports } from './tables.ts';

// When a proposal's author may change it (issue 11). The rule, in words:
// - Edit (title, text, category, place): only while the current phase takes proposals, before anyone
//   but the author supports it (a supporter backed the words they read), before staff answer it, while
//   moderation does not hide it (staff review the words that were reported), and not once withdrawn.
// - Withdraw (철회): at any time, in any phase, until staff accept or reject it (a decided proposal is
//   on record); "under review" can still be withdrawn. Withdrawing twice changes nothing.

type Row = { withdrawnAt: Date | null; answerStatus: string | null };

/** Why the author cannot edit now (an error code, answered 409), or null when they can. */
export function editRefusal(
  row: Row,
  now: { open: boolean; hidden: boolean; othersSupports: number },
): string | null {
  if (row.withdrawnAt) return 'governance_proposal_withdrawn';
  if (now.hidden) return 'governance_proposal_edit_hidden';
  if (row.answerStatus) return 'governance_proposal_edit_answered';
  if (!now.open) return 'governance_proposals_closed';
  if (now.othersSupports > 0) return 'governance_proposal_edit_supported';
  return null;
}

/** Why the author cannot withdraw (answered 409), or null; a withdrawn proposal is not refused here. */
export function withdrawRefusal(row: Row): string | null {
  if (row.answerStatus === 'accepted' || row.answerStatus === 'rejected')
    return 'governance_proposal_withdraw_decided';
  return null;
}

/** Supports, comments and amendments stop once the author withdrew the proposal (409). */
export function refuseIfWithdrawn(row: { withdrawnAt: Date | null }): void {
  if (row.withdrawnAt) throw new AppError('governance_proposal_withdrawn', 409);
}

/** Supports by anyone but the author (sample supports included). */
export async function othersSupports(
  db: DbOrTx,
  organizationId: string,
  proposalId: string,
  authorId: string | null,
): Promise<number> {
  const S = governanceProposalSupports;
  const [row] = await db
    .select({ n: count() })
    .from(S)
    .where(
      forOrg(
        S,
        organizationId,
        eq(S.proposalId, proposalId),
        authorId ? or(isNull(S.userId), sql`${S.userId} <> ${authorId}`) : undefined,
      ),
    );
  return Number(row?.n ?? 0);
}
