import { asc, desc, eq, sql } from 'drizzle-orm';
import type {
  Deliberation,
  MapStatement,
  ModerationItem,
  NextStatement,
  OpinionMap,
} from '../../../../contracts/governance-deliberations.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forOrg } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Ctx, SignedInCtx } from '../../../platform/http.ts';
import {
  computeMap,
  type DeliberationMap,
  groupCounts,
  nextStatement,
  type VoteColumns,
} from '../deliberation/index.ts';
import {
  governanceDeliberations,
  governanceParticipants,
  governanceStatements,
  governanceVotes,
} from './tables.ts';

const counted = (column: string) =>
  sql<number>`(select count(*)::int from ${sql.raw(column)} c where c.deliberation_id = governance_deliberations.id)`;

function present(row: {
  id: string;
  title: string;
  description: string;
  status: string;
  isSample: boolean;
  createdAt: Date;
  statements: number;
  participants: number;
  votes: number;
}): Deliberation {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status: row.status as Deliberation['status'],
    sample: row.isSample,
    statements: Number(row.statements),
    participants: Number(row.participants),
    votes: Number(row.votes),
    createdAt: row.createdAt.toISOString(),
  };
}

const listColumns = {
  id: governanceDeliberations.id,
  title: governanceDeliberations.title,
  description: governanceDeliberations.description,
  status: governanceDeliberations.status,
  isSample: governanceDeliberations.isSample,
  createdAt: governanceDeliberations.createdAt,
  statements: sql<number>`(select count(*)::int from governance_statements c where c.deliberation_id = governance_deliberations.id and c.moderation = 'accepted')`,
  participants: counted('governance_participants'),
  votes: counted('governance_votes'),
};

/** Open deliberations first, then the newest (at most 100: a district runs a few a year). */
export async function listDeliberations(ctx: Ctx): Promise<Deliberation[]> {
  const rows = await ctx.db
    .select(listColumns)
    .from(governanceDeliberations)
    .where(forOrg(governanceDeliberations, ctx))
    .orderBy(desc(sql`${governanceDeliberations.status} = 'open'`), desc(governanceDeliberations.createdAt))
    .limit(100);
  return rows.map(present);
}

export async function findDeliberation(ctx: Ctx, id: string): Promise<Deliberation> {
  const [row] = await ctx.db
    .select(listColumns)
    .from(governanceDeliberations)
    .where(forOrg(governanceDeliberations, ctx, eq(governanceDeliberations.id, id)));
  if (!row) throw new AppError('governance_deliberation_not_found', 404);
  return present(row);
}

interface StoredStatement {
  id: string;
  number: number;
  body: string;
  moderation: string;
  isMeta: boolean;
}

/** What the map is computed from: the statements (all but rejected count) and every stored vote. */
export interface StoredVotes {
  statements: StoredStatement[];
  /** Participant numbers with a vote, and the votes as columns for the math. */
  votes: VoteColumns;
  participantNumbers: Map<string, number>;
}

export async function loadVotes(
  db: DbOrTx,
  organizationId: string,
  deliberationId: string,
): Promise<StoredVotes> {
  const statements = await db
    .select({
      id: governanceStatements.id,
      number: governanceStatements.number,
      body: governanceStatements.body,
      moderation: governanceStatements.moderation,
      isMeta: governanceStatements.isMeta,
    })
    .from(governanceStatements)
    .where(
      forOrg(governanceStatements, organizationId, eq(governanceStatements.deliberationId, deliberationId)),
    )
    .orderBy(asc(governanceStatements.number));
  const rows = await db
    .select({
      participant: governanceParticipants.number,
      participantId: governanceParticipants.id,
      statement: governanceStatements.number,
      vote: governanceVotes.vote,
    })
    .from(governanceVotes)
    .innerJoin(governanceParticipants, eq(governanceParticipants.id, governanceVotes.participantId))
    .innerJoin(governanceStatements, eq(governanceStatements.id, governanceVotes.statementId))
    .where(forOrg(governanceVotes, organizationId, eq(governanceVotes.deliberationId, deliberationId)));
  const participantIndex = new Map<string, number>();
  const commentIndex = new Map<string, number>();
  const participantNumbers = new Map<string, number>();
  const n = rows.length;
  const votes: VoteColumns = {
    participantIds: [],
    commentIds: [],
    participant: new Int32Array(n),
    comment: new Int32Array(n),
    vote: new Int8Array(n),
    time: new Float64Array(n),
  };
  const intern = (index: Map<string, number>, id: string) => {
    let i = index.get(id);
    if (i === undefined) {
      i = index.size;
      index.set(id, i);
    }
    return i;
  };
  rows.forEach((r, i) => {
    votes.participant[i] = intern(participantIndex, String(r.participant));
    votes.comment[i] = intern(commentIndex, String(r.statement));
    votes.vote[i] = r.vote;
    participantNumbers.set(r.participantId, r.participant);
  });
  votes.participantIds = [...participantIndex.keys()];
  votes.commentIds = [...commentIndex.keys()];
  return { statements, votes, participantNumbers };
}

/** The map of stored votes: rejected statements left out, unvoted ones kept (as an export's map). */
export function mapOf(stored: StoredVotes): DeliberationMap {
  return computeMap(stored.votes, {
    excludedComments: new Set(
      stored.statements.filter((s) => s.moderation === 'rejected').map((s) => String(s.number)),
    ),
    extraCommentIds: stored.statements.map((s) => String(s.number)),
  });
}

/**
 * What changes whenever the map could: the number of votes and the sum of their seq (every new or
 * changed vote takes a larger seq, whatever order transactions commit in), and the statements'
 * count and moderation versions.
 */
async function mapKey(db: DbOrTx, organizationId: string, deliberationId: string): Promise<string> {
  const [row] = await db
    .select({
      key: sql<string>`concat_ws(':',
        (select count(*) from governance_votes v where v.deliberation_id = ${deliberationId} and v.organization_id = ${organizationId}),
        (select coalesce(sum(v.seq), 0) from governance_votes v where v.deliberation_id = ${deliberationId} and v.organization_id = ${organizationId}),
        (select count(*) from governance_statements s where s.deliberation_id = ${deliberationId} and s.organization_id = ${organizationId}),
        (select coalesce(sum(s.version), 0) from governance_statements s where s.deliberation_id = ${deliberationId} and s.organization_id = ${organizationId}))`,
    })
    .from(sql`(select 1) one`);
  return row?.key ?? '';
}

/** A computed map with what pages need, ready to answer from. */
export interface CachedMap {
  key: string;
  /** performance.now() when computed. */
  computedAt: number;
  stored: StoredVotes;
  map: DeliberationMap;
  /** Matrix row of each participant number. */
  rowOf: Map<number, number>;
  /** Points scaled into −1..1. */
  scale: number;
  answer: Omit<OpinionMap, 'me'>;
}

const CACHE_LIMIT = 20;
// In memory, per process: one map per deliberation, recomputed when its key changes (a new or
// changed vote, a moderation), so a vote shows on the map at the next request. The oldest entries
// go first when more than CACHE_LIMIT deliberations are kept.
const cache = new Map<string, CachedMap>();
const computing = new Map<string, Promise<CachedMap>>();

function share(counts: ReturnType<typeof groupCounts>, g: number, c: number) {
  const i = g * counts.comments + c;
  const n = counts.votes[i]!;
  return { agree: n ? counts.agree[i]! / n : 0, disagree: n ? counts.disagree[i]! / n : 0 };
}

function build(key: string, stored: StoredVotes): CachedMap {
  const map = mapOf(stored);
  const { matrix } = map;
  const byNumber = new Map(stored.statements.map((s) => [String(s.number), s]));
  const statementAt = (c: number) => byNumber.get(matrix.commentIds[c]!)!;
  let max = 0;
  for (let p = 0; p < matrix.participantIds.length; p++)
    max = Math.max(max, Math.abs(map.x[p]!), Math.abs(map.y[p]!));
  const scale = max > 0 ? 1 / max : 1;
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const byGroup = groupCounts(matrix, map.group, map.groups.length);
  const everyone = groupCounts(matrix, new Int32Array(matrix.participantIds.length), 1);
  const statement = (c: number, counts = everyone, g = 0): MapStatement => {
    const s = statementAt(c);
    const sh = share(counts, g, c);
    return { id: s.id, text: s.body, agree: round(sh.agree), disagree: round(sh.disagree) };
  };
  const rowOf = new Map<number, number>();
  matrix.participantIds.forEach((id, p) => {
    rowOf.set(Number(id), p);
  });
  const votes = stored.votes.vote.length;
  return {
    key,
    computedAt: performance.now(),
    stored,
    map,
    rowOf,
    scale,
    answer: {
      points: matrix.participantIds.map((_, p) => ({
        x: round(map.x[p]! * scale),
        y: round(map.y[p]! * scale),
        group: map.group[p]! >= 0 ? map.group[p]! : null,
      })),
      groups: map.groups.map((g) => ({
        id: g.id,
        size: g.members.length,
        representative: g.representative.map((r) => ({
          ...statement(r.comment, byGroup, g.id),
          direction: r.direction,
        })),
      })),
      consensus: map.consensus.map((c) => statement(c)),
      divisive: map.divisive.map((d) => statement(d.comment)),
      participants: matrix.participantIds.length,
      votes,
    },
  };
}

/** The deliberation's map, from the cache while no vote or moderation changed it. */
export async function cachedMap(
  db: DbOrTx,
  organizationId: string,
  deliberationId: string,
): Promise<CachedMap> {
  const key = await mapKey(db, organizationId, deliberationId);
  const id = `${organizationId}/${deliberationId}`;
  const hit = cache.get(id);
  if (hit?.key === key) return hit;
  const running = computing.get(`${id}/${key}`);
  if (running) return running;
  const work = (async () => {
    const result = build(key, await loadVotes(db, organizationId, deliberationId));
    cache.delete(id);
    cache.set(id, result);
    while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    return result;
  })().finally(() => computing.delete(`${id}/${key}`));
  computing.set(`${id}/${key}`, work);
  return work;
}

const RECENT_MS = 5_000;

/**
 * A map at most a few seconds old, for choosing the next statement: every vote changes the key, and
 * recomputing the whole map for each one (600 ms for 30,000 votes) would slow voting. The map
 * endpoint itself always uses cachedMap, so it is never stale.
 */
export async function recentMap(
  db: DbOrTx,
  organizationId: string,
  deliberationId: string,
): Promise<CachedMap> {
  const hit = cache.get(`${organizationId}/${deliberationId}`);
  if (hit && performance.now() - hit.computedAt < RECENT_MS) return hit;
  return cachedMap(db, organizationId, deliberationId);
}

/** The signed-in person's participant row in a deliberation, if they have one. */
export async function findParticipant(
  db: DbOrTx,
  organizationId: string,
  deliberationId: string,
  userId: string,
) {
  const [row] = await db
    .select({ id: governanceParticipants.id, number: governanceParticipants.number })
    .from(governanceParticipants)
    .where(
      forOrg(
        governanceParticipants,
        organizationId,
        eq(governanceParticipants.deliberationId, deliberationId),
        eq(governanceParticipants.userId, userId),
      ),
    );
  return row ?? null;
}

export async function opinionMap(ctx: Ctx, deliberationId: string): Promise<OpinionMap> {
  await findDeliberation(ctx, deliberationId);
  const cached = await cachedMap(ctx.db, ctx.organizationId, deliberationId);
  let me: OpinionMap['me'] = null;
  if (ctx.actor.signedIn) {
    const participant = await findParticipant(ctx.db, ctx.organizationId, deliberationId, ctx.actor.userId);
    const row = participant ? cached.rowOf.get(participant.number) : undefined;
    if (row !== undefined) {
      const { map } = cached;
      const round = (v: number) => Math.round(v * 1000) / 1000;
      me = {
        x: round(map.x[row]! * cached.scale),
        y: round(map.y[row]! * cached.scale),
        group: map.group[row]! >= 0 ? map.group[row]! : null,
        voted: map.matrix.rowStart[row + 1]! - map.matrix.rowStart[row]!,
      };
    }
  }
  return { ...cached.answer, me };
}

/** The next accepted statement for the person (the math's priority), and their progress. */
export async function nextFor(ctx: SignedInCtx, deliberationId: string): Promise<NextStatement> {
  await findDeliberation(ctx, deliberationId);
  const cached = await recentMap(ctx.db, ctx.organizationId, deliberationId);
  const participant = await findParticipant(ctx.db, ctx.organizationId, deliberationId, ctx.actor.userId);
  const mine = participant
    ? await ctx.db
        .select({ statementId: governanceVotes.statementId })
        .from(governanceVotes)
        .where(forOrg(governanceVotes, ctx, eq(governanceVotes.participantId, participant.id)))
    : [];
  const votedIds = new Set(mine.map((v) => v.statementId));
  // The statements now (a map a few seconds old may not know one accepted since).
  const accepted = await ctx.db
    .select({
      id: governanceStatements.id,
      number: governanceStatements.number,
      body: governanceStatements.body,
      isMeta: governanceStatements.isMeta,
    })
    .from(governanceStatements)
    .where(
      forOrg(
        governanceStatements,
        ctx,
        eq(governanceStatements.deliberationId, deliberationId),
        eq(governanceStatements.moderation, 'accepted'),
      ),
    )
    .orderBy(asc(governanceStatements.number));
  const { matrix, priority } = cached.map;
  const column = new Map(matrix.commentIds.map((number, c) => [Number(number), c]));
  // The math's priority (nextStatement): the highest among those not voted on, the first by number
  // on a tie; a statement the map has not seen yet has no votes, so it goes first.
  const open = accepted.filter((s) => !votedIds.has(s.id));
  const columns = open.map((s) => column.get(s.number));
  const unseen = open.find((_, i) => columns[i] === undefined);
  let next = unseen ?? null;
  if (!next) {
    const openColumns = new Set(columns);
    const chosen = nextStatement(
      priority,
      matrix.commentIds.map((_, c) => c).filter((c) => !openColumns.has(c)),
    );
    next = chosen === null ? null : (open[columns.indexOf(chosen)] ?? null);
  }
  return {
    statement: next ? { id: next.id, text: next.body, meta: next.isMeta } : null,
    voted: accepted.length - open.length,
    total: accepted.length,
  };
}

/** Statements waiting for moderation, oldest first (at most 200 at a time). */
export async function moderationQueue(ctx: Ctx): Promise<ModerationItem[]> {
  const rows = await ctx.db
    .select({
      id: governanceStatements.id,
      deliberationId: governanceStatements.deliberationId,
      deliberationTitle: governanceDeliberations.title,
      text: governanceStatements.body,
      moderation: governanceStatements.moderation,
      meta: governanceStatements.isMeta,
      createdAt: governanceStatements.createdAt,
    })
    .from(governanceStatements)
    .innerJoin(governanceDeliberations, eq(governanceDeliberations.id, governanceStatements.deliberationId))
    .where(forOrg(governanceStatements, ctx, eq(governanceStatements.moderation, 'unmoderated')))
    .orderBy(asc(governanceStatements.createdAt), asc(governanceStatements.id))
    .limit(200);
  return rows.map((r) => ({
    ...r,
    moderation: r.moderation as ModerationItem['moderation'],
    createdAt: r.createdAt.toISOString(),
  }));
}
