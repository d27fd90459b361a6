import type { Moderation } from '../../../../contracts/governance-deliberations.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { buildMatrix, type PolisExport } from '../deliberation/index.ts';
import {
  governanceDeliberations,
  governanceParticipants,
  governanceStatements,
  governanceVotes,
} from './tables.ts';

const BATCH = 1000;

function number(id: string, what: string): number {
  const n = Number(id);
  if (!/^\d+$/.test(id) || !Number.isSafeInteger(n) || n > 2_147_483_647)
    throw new Error(`${what} ${id.slice(0, 20)} is not a whole number (Pol.is ids are)`);
  return n;
}

export interface ImportResult {
  deliberationId: string;
  statements: number;
  participants: number;
  votes: number;
}

/**
 * Creates a deliberation from a Pol.is export, in one transaction. Comments become statements with
 * the export's ids as their numbers and its moderation (1 accepted, 0 unmoderated, −1 rejected);
 * every voter and comment author becomes an `imported` participant numbered by their Pol.is id, with
 * no account: a pseudonym that cannot sign in, be notified, be counted as a resident or be mistaken
 * for a person of this district (see tables.ts). Only the latest vote per voter and statement is
 * kept (the export's rule: by time, equal times keep the greater vote), so the map computed from the
 * stored votes is the map of the export.
 */
export async function importPolisExport(
  db: DbOrTx,
  organizationId: string,
  data: PolisExport,
  meta: { title: string; description: string; isSample?: boolean },
): Promise<ImportResult> {
  const known = new Set(data.comments.map((c) => c.id));
  // A vote on a comment the export does not list still counts in its map: keep the statement.
  const missing = data.votes.commentIds.filter((id) => !known.has(id));
  const statements: { id: string; body: string; moderation: Moderation; isMeta: boolean; author: string }[] =
    [
      ...data.comments.map((c) => ({
        id: c.id,
        body: c.body.trim().slice(0, 2000) || `#${c.id}`,
        moderation: (c.moderated === 1
          ? 'accepted'
          : c.moderated === -1
            ? 'rejected'
            : 'unmoderated') as Moderation,
        isMeta: c.isMeta,
        author: c.authorId,
      })),
      ...missing.map((id) => ({
        id,
        body: `#${id}`,
        moderation: 'unmoderated' as Moderation,
        isMeta: false,
        author: '',
      })),
    ];
  const voters = new Set([
    ...data.votes.participantIds,
    ...statements.map((s) => s.author).filter((a) => a !== ''),
  ]);
  const latest = buildMatrix(data.votes);
  return db.transaction(async (tx) => {
    const [d] = await tx
      .insert(governanceDeliberations)
      .values({
        organizationId,
        title: meta.title,
        description: meta.description,
        isSample: meta.isSample ?? false,
      })
      .returning({ id: governanceDeliberations.id });
    const participantIds = new Map<string, string>();
    const voterList = [...voters];
    for (let i = 0; i < voterList.length; i += BATCH) {
      const rows = await tx
        .insert(governanceParticipants)
        .values(
          voterList.slice(i, i + BATCH).map((id) => ({
            organizationId,
            deliberationId: d.id,
            number: number(id, 'Voter'),
            kind: 'imported',
          })),
        )
        .returning({ id: governanceParticipants.id, number: governanceParticipants.number });
      for (const r of rows) participantIds.set(String(r.number), r.id);
    }
    const statementIds = new Map<string, string>();
    for (let i = 0; i < statements.length; i += BATCH) {
      const rows = await tx
        .insert(governanceStatements)
        .values(
          statements.slice(i, i + BATCH).map((s) => ({
            organizationId,
            deliberationId: d.id,
            number: number(s.id, 'Comment'),
            body: s.body,
            moderation: s.moderation,
            isMeta: s.isMeta,
            authorParticipantId: s.author
              ? (participantIds.get(String(number(s.author, 'Author'))) ?? null)
              : null,
          })),
        )
        .returning({ id: governanceStatements.id, number: governanceStatements.number });
      for (const r of rows) statementIds.set(String(r.number), r.id);
    }
    const votes: (typeof governanceVotes.$inferInsert)[] = [];
    for (let p = 0; p < latest.participantIds.length; p++)
      for (let k = latest.rowStart[p]!; k < latest.rowStart[p + 1]!; k++)
        votes.push({
          organizationId,
          deliberationId: d.id,
          participantId: participantIds.get(String(number(latest.participantIds[p]!, 'Voter')))!,
          statementId: statementIds.get(String(number(latest.commentIds[latest.col[k]!]!, 'Comment')))!,
          vote: latest.value[k]!,
        });
    for (let i = 0; i < votes.length; i += BATCH)
      await tx.insert(governanceVotes).values(votes.slice(i, i + BATCH));
    return {
      deliberationId: d.id,
      statements: statements.length,
      participants: voterList.length,
      votes: votes.length,
    };
  });
}
