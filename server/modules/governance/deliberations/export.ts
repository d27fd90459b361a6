import { stringify } from 'csv-stringify/sync';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import { loadVotes, mapOf } from './queries.ts';
import {
  governanceDeliberations,
  governanceParticipants,
  governanceStatements,
  governanceVotes,
} from './tables.ts';

// A stored deliberation as a Pol.is open-data export (compdemocracy/openData): the same three files
// with the same columns, so the tools that read Pol.is exports read ours, and `deliberation import`
// reads them back into the same map. An export is public data: people appear only as their
// participant number in the deliberation (a pseudonym, never a user id, name or e-mail), and the text
// of a statement no one accepted for publication (rejected or not yet moderated) is left out; its
// row, its moderation and its votes stay, as the map counts them.

export const EXPORT_FILES = ['comments.csv', 'votes.csv', 'participants-votes.csv'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

export const COMMENTS_COLUMNS = [
  'timestamp',
  'datetime',
  'comment-id',
  'author-id',
  'agrees',
  'disagrees',
  'moderated',
  'comment-body',
] as const;
export const VOTES_COLUMNS = ['timestamp', 'datetime', 'comment-id', 'voter-id', 'vote'] as const;
export const PARTICIPANTS_COLUMNS = [
  'participant',
  'group-id',
  'n-comments',
  'n-votes',
  'n-agree',
  'n-disagree',
] as const;

const MODERATED: Record<string, -1 | 0 | 1> = { accepted: 1, unmoderated: 0, rejected: -1 };

const WEEKDAY = { Sun: 'Sun', Mon: 'Mon', Tue: 'Tue', Wed: 'Wed', Thu: 'Thu', Fri: 'Fri', Sat: 'Sat' };
const dateParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Seoul',
  weekday: 'short',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  year: 'numeric',
  hourCycle: 'h23',
});

/** Pol.is's `datetime` column (Java's Date.toString), in Seoul time: "Mon Dec 07 15:14:32 KST 2026". */
export function polisDatetime(at: Date): string {
  const p = Object.fromEntries(dateParts.formatToParts(at).map((x) => [x.type, x.value]));
  const weekday = WEEKDAY[p.weekday as keyof typeof WEEKDAY] ?? p.weekday;
  return `${weekday} ${p.month} ${p.day} ${p.hour}:${p.minute}:${p.second} KST ${p.year}`;
}

export type DeliberationExport = Record<ExportFile, string>;

/**
 * The three files of a deliberation in the organization (404 if it has none by that id). The group
 * ids are those of the map computed from the stored votes now (the map the deliberation page shows);
 * votes.csv holds each participant's latest vote per statement (the only one stored).
 */
export async function exportDeliberation(
  db: DbOrTx,
  organizationId: string,
  deliberationId: string,
): Promise<DeliberationExport> {
  const [found] = await db
    .select({ id: governanceDeliberations.id })
    .from(governanceDeliberations)
    .where(forOrg(governanceDeliberations, organizationId, eq(governanceDeliberations.id, deliberationId)));
  if (!found) throw new AppError('governance_deliberation_not_found', 404);
  const participants = await db
    .select({ id: governanceParticipants.id, number: governanceParticipants.number })
    .from(governanceParticipants)
    .where(
      forOrg(
        governanceParticipants,
        organizationId,
        eq(governanceParticipants.deliberationId, deliberationId),
      ),
    )
    .orderBy(asc(governanceParticipants.number));
  const numberOf = new Map(participants.map((p) => [p.id, p.number]));
  const statements = await db
    .select({
      id: governanceStatements.id,
      number: governanceStatements.number,
      body: governanceStatements.body,
      moderation: governanceStatements.moderation,
      author: governanceStatements.authorParticipantId,
      createdAt: governanceStatements.createdAt,
    })
    .from(governanceStatements)
    .where(
      forOrg(governanceStatements, organizationId, eq(governanceStatements.deliberationId, deliberationId)),
    )
    .orderBy(asc(governanceStatements.number));
  const statementNumber = new Map(statements.map((s) => [s.id, s.number]));
  const votes = (
    await db
      .select({
        participantId: governanceVotes.participantId,
        statementId: governanceVotes.statementId,
        vote: governanceVotes.vote,
        votedAt: governanceVotes.votedAt,
      })
      .from(governanceVotes)
      .where(forOrg(governanceVotes, organizationId, eq(governanceVotes.deliberationId, deliberationId)))
  )
    .map((v) => ({
      participant: numberOf.get(v.participantId)!,
      statement: statementNumber.get(v.statementId)!,
      vote: v.vote,
      votedAt: v.votedAt,
    }))
    .sort(
      (a, b) =>
        a.votedAt.getTime() - b.votedAt.getTime() ||
        a.participant - b.participant ||
        a.statement - b.statement,
    );

  // Per statement and per participant counts of the stored votes.
  const agrees = new Map<number, number>();
  const disagrees = new Map<number, number>();
  const byParticipant = new Map<number, Map<number, number>>();
  for (const v of votes) {
    if (v.vote === 1) agrees.set(v.statement, (agrees.get(v.statement) ?? 0) + 1);
    if (v.vote === -1) disagrees.set(v.statement, (disagrees.get(v.statement) ?? 0) + 1);
    let row = byParticipant.get(v.participant);
    if (!row) {
      row = new Map();
      byParticipant.set(v.participant, row);
    }
    row.set(v.statement, v.vote);
  }
  const authored = new Map<number, number>();
  for (const s of statements)
    if (s.author) {
      const n = numberOf.get(s.author);
      if (n !== undefined) authored.set(n, (authored.get(n) ?? 0) + 1);
    }

  const comments = stringify(
    statements.map((s) => [
      s.createdAt.getTime(),
      polisDatetime(s.createdAt),
      s.number,
      s.author ? (numberOf.get(s.author) ?? '') : '',
      agrees.get(s.number) ?? 0,
      disagrees.get(s.number) ?? 0,
      MODERATED[s.moderation] ?? 0,
      s.moderation === 'accepted' ? s.body : '',
    ]),
    { header: true, columns: [...COMMENTS_COLUMNS] },
  );
  const votesCsv = stringify(
    votes.map((v) => [v.votedAt.getTime(), polisDatetime(v.votedAt), v.statement, v.participant, v.vote]),
    { header: true, columns: [...VOTES_COLUMNS] },
  );

  const map = mapOf(await loadVotes(db, organizationId, deliberationId));
  const groupOf = new Map<number, number>();
  map.matrix.participantIds.forEach((id, p) => {
    if (map.group[p]! >= 0) groupOf.set(Number(id), map.group[p]!);
  });
  const numbers = statements.map((s) => s.number);
  const participantsVotes = stringify(
    participants.map((p) => {
      const row = byParticipant.get(p.number) ?? new Map<number, number>();
      let agree = 0;
      let disagree = 0;
      for (const v of row.values()) {
        if (v === 1) agree++;
        else if (v === -1) disagree++;
      }
      return [
        p.number,
        groupOf.get(p.number) ?? '',
        authored.get(p.number) ?? 0,
        row.size,
        agree,
        disagree,
        ...numbers.map((n) => row.get(n) ?? ''),
      ];
    }),
    { header: true, columns: [...PARTICIPANTS_COLUMNS, ...numbers.map(String)] },
  );
  return { 'comments.csv': comments, 'votes.csv': votesCsv, 'participants-votes.csv': participantsVotes };
}
