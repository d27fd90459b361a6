import type { DbOrTx } from '../../../platform/db/connect.ts';

// Who wants to hear, in the deciding transaction, that a proposal was hidden or shown again — the
// proposals feature's site-search entry. Proposals already use this feature (hiddenWhere, the posting
// rules), so calling their index.ts from here would be an import cycle; governance/index.ts wires
// the proposals feature's indexProposal in instead.
type Listener = (tx: DbOrTx, organizationId: string, proposalId: string) => Promise<void>;
const listeners: Listener[] = [];

/** Called with every proposal whose visibility moderation changes (once per listener function). */
export function onProposalVisibilityChange(listener: Listener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}

/** Tells the listeners, in the caller's transaction, after the moderation item's state is written. */
export async function proposalVisibilityChanged(
  tx: DbOrTx,
  organizationId: string,
  proposalId: string,
): Promise<void> {
  for (const listener of listeners) await listener(tx, organizationId, proposalId);
}
