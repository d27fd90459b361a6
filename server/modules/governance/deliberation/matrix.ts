import { compareIds, intern } from './ids.ts';

export type VoteValue = -1 | 0 | 1;

/** One vote event as an export lists it; a later event for the same pair replaces an earlier one. */
export interface VoteEvent {
  participant: string;
  comment: string;
  vote: VoteValue;
  time: number;
}

/**
 * Vote events in columns (what the benchmark and large imports hand over): event i is participant
 * `participantIds[participant[i]]` voting `vote[i]` (+1 agree, −1 disagree, 0 pass) on
 * `commentIds[comment[i]]` at `time[i]`.
 */
export interface VoteColumns {
  participantIds: readonly string[];
  commentIds: readonly string[];
  participant: Int32Array;
  comment: Int32Array;
  vote: Int8Array;
  time: Float64Array;
}

/**
 * The vote matrix in compressed rows: participants (sorted by id, only those with a vote on a
 * statement still in the conversation) × statements (sorted by id, moderated-out ones left out).
 * Row p holds its votes at `col/value[rowStart[p] .. rowStart[p+1])`, columns ascending; a cell
 * not listed is missing (never seen), which is not the same as a pass (0).
 */
export interface VoteMatrix {
  participantIds: string[];
  commentIds: string[];
  rowStart: Int32Array;
  col: Int32Array;
  value: Int8Array;
}

export function columnsOf(events: readonly VoteEvent[]): VoteColumns {
  const participantIndex = new Map<string, number>();
  const commentIndex = new Map<string, number>();
  const n = events.length;
  const participant = new Int32Array(n);
  const comment = new Int32Array(n);
  const vote = new Int8Array(n);
  const time = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    const p = intern(participantIndex, e.participant);
    const c = intern(commentIndex, e.comment);
    participant[i] = p;
    comment[i] = c;
    vote[i] = e.vote;
    time[i] = e.time;
  }
  return {
    participantIds: [...participantIndex.keys()],
    commentIds: [...commentIndex.keys()],
    participant,
    comment,
    vote,
    time,
  };
}

/** A permutation putting ids in `compareIds` order: result[old index] = new index. */
function ranks(ids: readonly string[]): { sorted: string[]; rank: Int32Array } {
  const order = ids.map((_, i) => i).sort((a, b) => compareIds(ids[a]!, ids[b]!));
  const rank = new Int32Array(ids.length);
  for (let r = 0; r < order.length; r++) rank[order[r]!] = r;
  for (let r = 1; r < order.length; r++)
    if (ids[order[r]!] === ids[order[r - 1]!]) throw new Error(`Duplicate id ${ids[order[r]!]}`);
  return { sorted: order.map((i) => ids[i]!), rank };
}

export interface MatrixOptions {
  /** Statements moderated out (Pol.is `moderated` −1): their votes do not count. */
  excludedComments?: ReadonlySet<string>;
  /** Statements with no vote yet that still belong to the conversation. */
  extraCommentIds?: readonly string[];
}

/**
 * Latest vote per participant and statement (by time; equal times keep the greater vote, so the
 * result never depends on the events' order), as a `VoteMatrix`. O(events + participants).
 */
export function buildMatrix(votes: VoteColumns, options: MatrixOptions = {}): VoteMatrix {
  const excluded = options.excludedComments ?? new Set<string>();
  const allComments = [...votes.commentIds];
  const known = new Set(allComments);
  for (const id of options.extraCommentIds ?? [])
    if (!known.has(id)) {
      allComments.push(id);
      known.add(id);
    }
  const kept = allComments.filter((id) => !excluded.has(id));
  const { sorted: commentIds, rank: keptRank } = ranks(kept);
  // Old comment index → column, or −1 when moderated out.
  const column = new Int32Array(votes.commentIds.length).fill(-1);
  const keptIndex = new Map(kept.map((id, i) => [id, i]));
  votes.commentIds.forEach((id, i) => {
    const k = keptIndex.get(id);
    if (k !== undefined) column[i] = keptRank[k]!;
  });
  const { sorted: allParticipants, rank: participantRank } = ranks(votes.participantIds);

  // Bucket the events by participant (counting sort), then keep the latest per statement.
  const nP = allParticipants.length;
  const nC = commentIds.length;
  const n = votes.vote.length;
  const bucketStart = new Int32Array(nP + 1);
  for (let i = 0; i < n; i++)
    if (column[votes.comment[i]!]! >= 0) bucketStart[participantRank[votes.participant[i]!]! + 1]!++;
  for (let p = 0; p < nP; p++) bucketStart[p + 1]! += bucketStart[p]!;
  const fill = bucketStart.slice(0, nP);
  const bucket = new Int32Array(bucketStart[nP]!);
  for (let i = 0; i < n; i++)
    if (column[votes.comment[i]!]! >= 0) bucket[fill[participantRank[votes.participant[i]!]!]!++] = i;

  const lastTime = new Float64Array(nC);
  const lastVote = new Int8Array(nC);
  const seen = new Uint8Array(nC);
  const touched = new Int32Array(nC);
  const rowStart = new Int32Array(nP + 1);
  const col = new Int32Array(bucket.length);
  const value = new Int8Array(bucket.length);
  const participantIds: string[] = [];
  let nnz = 0;
  let rows = 0;
  for (let p = 0; p < nP; p++) {
    let t = 0;
    for (let b = bucketStart[p]!; b < bucketStart[p + 1]!; b++) {
      const i = bucket[b]!;
      const c = column[votes.comment[i]!]!;
      const time = votes.time[i]!;
      const v = votes.vote[i]!;
      if (!seen[c]) {
        seen[c] = 1;
        touched[t++] = c;
        lastTime[c] = time;
        lastVote[c] = v;
      } else if (time > lastTime[c]! || (time === lastTime[c]! && v > lastVote[c]!)) {
        lastTime[c] = time;
        lastVote[c] = v;
      }
    }
    if (t === 0) continue;
    const cols = touched.subarray(0, t).sort();
    for (let k = 0; k < t; k++) {
      const c = cols[k]!;
      col[nnz] = c;
      value[nnz++] = lastVote[c]!;
      seen[c] = 0;
    }
    participantIds.push(allParticipants[p]!);
    rowStart[++rows] = nnz;
  }
  return {
    participantIds,
    commentIds,
    rowStart: rowStart.slice(0, rows + 1),
    col: col.slice(0, nnz),
    value: value.slice(0, nnz),
  };
}

/** How many statements each participant voted on (pass included). */
export function voteCounts(m: VoteMatrix): Int32Array {
  const n = m.participantIds.length;
  const counts = new Int32Array(n);
  for (let p = 0; p < n; p++) counts[p] = m.rowStart[p + 1]! - m.rowStart[p]!;
  return counts;
}
