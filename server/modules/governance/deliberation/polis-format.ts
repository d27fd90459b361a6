import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { compareIds, idValue, intern } from './ids.ts';
import type { DeliberationMap } from './map.ts';
import { buildMatrix, type VoteColumns, type VoteValue } from './matrix.ts';

// The Pol.is open-data export: a folder with comments.csv, votes.csv, participants-votes.csv and
// summary.csv (compdemocracy/openData). Columns are found by their header names.

export interface PolisComment {
  id: string;
  authorId: string;
  /** Vote events as the export counts them (changed votes included). */
  agrees: number;
  disagrees: number;
  /** 1 accepted, 0 not yet moderated, −1 moderated out. */
  moderated: -1 | 0 | 1;
  body: string;
  isMeta: boolean;
  /** The export's own group-informed consensus, when it has the column. */
  groupInformedConsensus: number | null;
  time: number;
}

export interface PolisExport {
  comments: PolisComment[];
  votes: VoteColumns;
  /** Pol.is's own group per participant (participants-votes.csv `group-id`; null = not clustered). */
  polisGroups: Map<string, number | null>;
  summary: [string, string][];
}

type Row = Record<string, string>;

async function readCsv(file: string): Promise<Row[]> {
  return parse(await readFile(file, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
    bom: true,
  }) as Row[];
}

function need(row: Row, column: string, file: string): string {
  const v = row[column];
  if (v === undefined) throw new Error(`${file}: no ${column} column`);
  return v;
}

function integer(text: string, what: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n))
    throw new Error(`${what}: not an integer: ${text.slice(0, 40)}`);
  return n;
}

export async function readPolisExport(dir: string): Promise<PolisExport> {
  const commentsFile = path.join(dir, 'comments.csv');
  const votesFile = path.join(dir, 'votes.csv');
  const comments: PolisComment[] = (await readCsv(commentsFile)).map((r) => {
    const moderated = integer(r.moderated ?? '0', 'comments.csv moderated');
    const gic = r['group-informed-consensus'];
    return {
      id: need(r, 'comment-id', 'comments.csv').trim(),
      authorId: (r['author-id'] ?? '').trim(),
      agrees: Number(r.agrees ?? 0) || 0,
      disagrees: Number(r.disagrees ?? 0) || 0,
      moderated: (moderated < 0 ? -1 : moderated > 0 ? 1 : 0) as -1 | 0 | 1,
      body: r['comment-body'] ?? '',
      isMeta: ['1', 'true', 'TRUE', 'True'].includes((r['is-meta'] ?? '').trim()),
      groupInformedConsensus: gic !== undefined && gic.trim() !== '' ? Number(gic) : null,
      time: Number(r.timestamp ?? 0) || 0,
    };
  });
  const rows = await readCsv(votesFile);
  const participantIndex = new Map<string, number>();
  const commentIndex = new Map<string, number>();
  const n = rows.length;
  const votes: VoteColumns = {
    participantIds: [],
    commentIds: [],
    participant: new Int32Array(n),
    comment: new Int32Array(n),
    vote: new Int8Array(n),
    time: new Float64Array(n),
  };
  rows.forEach((r, i) => {
    const voter = need(r, 'voter-id', 'votes.csv').trim();
    const comment = need(r, 'comment-id', 'votes.csv').trim();
    const v = integer(need(r, 'vote', 'votes.csv'), 'votes.csv vote');
    if (v < -1 || v > 1) throw new Error(`votes.csv vote: ${v} is not −1, 0 or 1`);
    const p = intern(participantIndex, voter);
    const c = intern(commentIndex, comment);
    votes.participant[i] = p;
    votes.comment[i] = c;
    votes.vote[i] = v;
    votes.time[i] = Number(r.timestamp ?? 0) || 0;
  });
  votes.participantIds = [...participantIndex.keys()];
  votes.commentIds = [...commentIndex.keys()];

  const polisGroups = new Map<string, number | null>();
  const pvFile = path.join(dir, 'participants-votes.csv');
  if (existsSync(pvFile))
    for (const r of await readCsv(pvFile)) {
      const g = (r['group-id'] ?? '').trim();
      polisGroups.set(need(r, 'participant', 'participants-votes.csv').trim(), g === '' ? null : Number(g));
    }
  const summaryFile = path.join(dir, 'summary.csv');
  const summary: [string, string][] = existsSync(summaryFile)
    ? (parse(await readFile(summaryFile, 'utf8'), { relax_column_count: true, bom: true }) as string[][]).map(
        (r) => [r[0] ?? '', r[1] ?? ''],
      )
    : [];
  return { comments, votes, polisGroups, summary };
}

/** The matrix options an export implies: moderated-out statements left out, unvoted ones kept. */
export function exportOptions(data: PolisExport) {
  return {
    excludedComments: new Set(data.comments.filter((c) => c.moderated === -1).map((c) => c.id)),
    extraCommentIds: data.comments.map((c) => c.id),
  };
}

/** The map as `deliberation map DIR --json` prints it. */
export interface MapJson {
  participants: Record<string, number | null>;
  groups: { id: number; members: (string | number)[]; representative: (string | number)[] }[];
  consensus: (string | number)[];
  groupInformedConsensus: Record<string, number>;
}

/**
 * The map as JSON. `voterIds` (e.g. every voter of an export) adds those with no vote on a statement
 * still in the conversation, as null.
 */
export function mapJson(map: DeliberationMap, voterIds: readonly string[] = []): MapJson {
  const { participantIds, commentIds } = map.matrix;
  const row = new Map(participantIds.map((id, p) => [id, p]));
  const participants: Record<string, number | null> = {};
  for (const id of [...new Set([...participantIds, ...voterIds])].sort(compareIds)) {
    const p = row.get(id);
    participants[id] = p !== undefined && map.group[p]! >= 0 ? map.group[p]! : null;
  }
  const groupInformedConsensus: Record<string, number> = {};
  commentIds.forEach((id, c) => {
    groupInformedConsensus[id] = map.groupInformedConsensus[c]!;
  });
  return {
    participants,
    groups: map.groups.map((g) => ({
      id: g.id,
      members: g.members.map((p) => idValue(participantIds[p]!)),
      representative: g.representative.map((r) => idValue(commentIds[r.comment]!)),
    })),
    consensus: map.consensus.map((c) => idValue(commentIds[c]!)),
    groupInformedConsensus,
  };
}

/**
 * Writes an export folder: comments.csv (with our group-informed consensus), votes.csv (every
 * event, by time), participants-votes.csv (our group ids, latest votes) and summary.csv.
 */
export async function writePolisExport(dir: string, data: PolisExport, map: DeliberationMap): Promise<void> {
  await mkdir(dir, { recursive: true });
  const { commentIds, participantIds } = map.matrix;
  const column = new Map(commentIds.map((id, c) => [id, c]));
  const comments = [...data.comments].sort((a, b) => compareIds(a.id, b.id));
  await writeFile(
    path.join(dir, 'comments.csv'),
    stringify(
      comments.map((c) => {
        const col = column.get(c.id);
        return [
          c.time,
          c.id,
          c.authorId,
          c.agrees,
          c.disagrees,
          c.moderated,
          c.body,
          c.isMeta ? 1 : 0,
          col === undefined ? '' : map.groupInformedConsensus[col],
        ];
      }),
      {
        header: true,
        columns: [
          'timestamp',
          'comment-id',
          'author-id',
          'agrees',
          'disagrees',
          'moderated',
          'comment-body',
          'is-meta',
          'group-informed-consensus',
        ],
      },
    ),
  );
  const v = data.votes;
  const order = Array.from({ length: v.vote.length }, (_, i) => i).sort(
    (a, b) =>
      v.time[a]! - v.time[b]! ||
      compareIds(v.participantIds[v.participant[a]!]!, v.participantIds[v.participant[b]!]!) ||
      compareIds(v.commentIds[v.comment[a]!]!, v.commentIds[v.comment[b]!]!),
  );
  await writeFile(
    path.join(dir, 'votes.csv'),
    stringify(
      order.map((i) => [
        v.time[i],
        v.commentIds[v.comment[i]!],
        v.participantIds[v.participant[i]!],
        v.vote[i],
      ]),
      { header: true, columns: ['timestamp', 'comment-id', 'voter-id', 'vote'] },
    ),
  );
  const m = map.matrix;
  const rows = participantIds.map((id, p) => {
    const cells: (number | string)[] = new Array(commentIds.length).fill('');
    let agree = 0;
    let disagree = 0;
    for (let k = m.rowStart[p]!; k < m.rowStart[p + 1]!; k++) {
      const value = m.value[k]! as VoteValue;
      cells[m.col[k]!] = value;
      if (value === 1) agree++;
      else if (value === -1) disagree++;
    }
    const authored = data.comments.filter((c) => c.authorId === id).length;
    const g = map.group[p]!;
    return [id, g >= 0 ? g : '', authored, m.rowStart[p + 1]! - m.rowStart[p]!, agree, disagree, ...cells];
  });
  await writeFile(
    path.join(dir, 'participants-votes.csv'),
    stringify(rows, {
      header: true,
      columns: ['participant', 'group-id', 'n-comments', 'n-votes', 'n-agree', 'n-disagree', ...commentIds],
    }),
  );
  await writeFile(
    path.join(dir, 'summary.csv'),
    stringify([
      ['voters', participantIds.length],
      ['comments', commentIds.length],
      ['groups', map.groups.length],
    ]),
  );
}

/** Reads an export and builds its matrix (for callers that only need the votes). */
export function exportMatrix(data: PolisExport) {
  return buildMatrix(data.votes, exportOptions(data));
}
