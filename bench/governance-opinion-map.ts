import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  adjustedRandIndex,
  buildMatrix,
  computeMap,
  computeMapFromMatrix,
  consensusStatements,
  exportOptions,
  groupCounts,
  groupInformedConsensus,
  overlap,
  readPolisExport,
  type VoteColumns,
} from '../server/modules/governance/deliberation/index.ts';
import { seededRandom } from '../server/modules/governance/deliberation/random.ts';
import { ROOT, round3 } from './harness.ts';

// Governance benchmark 1: the opinion map's full recompute (no database) on a generated
// conversation the size of Pol.is's largest (33,000 participants × 800 statements, 2,000,000 vote
// events; target ≤ 3 s), with peak memory, then each real conversation in ../shared/data/polis.
// The generated one has three hidden opinion camps (50/30/20%), heavy-tailed vote counts and 1%
// changed votes; `latentAri` is how well the map recovers the camps, `reproducible` that the same
// votes in reverse order give the same groups.

const PARTICIPANTS = Number(process.env.BENCH_DELIBERATION_PARTICIPANTS ?? 33_000);
const STATEMENTS = Number(process.env.BENCH_DELIBERATION_STATEMENTS ?? 800);
const VOTES = Number(process.env.BENCH_DELIBERATION_VOTES ?? 2_000_000);
const RUNS = 3;

export function generateConversation(
  participants: number,
  statements: number,
  votes: number,
  seed = 2019,
): { votes: VoteColumns; camp: Int32Array } {
  const random = seededRandom(seed);
  const camps = [0.5, 0.3, 0.2];
  const camp = new Int32Array(participants);
  for (let p = 0; p < participants; p++) {
    const r = random();
    camp[p] = r < camps[0]! ? 0 : r < camps[0]! + camps[1]! ? 1 : 2;
  }
  // Each camp's chance to agree / disagree with each statement (the rest pass).
  const agree = new Float64Array(camps.length * statements);
  const disagree = new Float64Array(camps.length * statements);
  for (let s = 0; s < statements; s++) {
    const shared = random(); // some statements most people agree with, whatever their camp
    for (let c = 0; c < camps.length; c++) {
      const lean = shared < 0.2 ? 0.85 : random();
      agree[c * statements + s] = 0.9 * lean;
      disagree[c * statements + s] = 0.9 * (1 - lean);
    }
  }
  // Heavy-tailed vote counts (most vote on a few dozen, some on everything), scaled to `votes`.
  const weight = new Float64Array(participants);
  let total = 0;
  for (let p = 0; p < participants; p++) total += weight[p] = 1 / (0.02 + random()) ** 0.8;
  const firstVotes = Math.round(votes * 0.99);
  const count = new Int32Array(participants);
  let assigned = 0;
  for (let p = 0; p < participants; p++) {
    count[p] = Math.max(1, Math.min(statements, Math.round((weight[p]! / total) * firstVotes)));
    assigned += count[p]!;
  }
  for (let p = 0; assigned !== firstVotes; p = (p + 1) % participants) {
    const step = assigned < firstVotes ? (count[p]! < statements ? 1 : 0) : count[p]! > 1 ? -1 : 0;
    count[p]! += step;
    assigned += step;
  }
  const columns: VoteColumns = {
    participantIds: Array.from({ length: participants }, (_, p) => String(p)),
    commentIds: Array.from({ length: statements }, (_, s) => String(s)),
    participant: new Int32Array(votes),
    comment: new Int32Array(votes),
    vote: new Int8Array(votes),
    time: new Float64Array(votes),
  };
  const order = Int32Array.from({ length: statements }, (_, s) => s);
  const castVote = (p: number, s: number) => {
    const r = random();
    const i = camp[p]! * statements + s;
    return r < agree[i]! ? 1 : r < agree[i]! + disagree[i]! ? -1 : 0;
  };
  let e = 0;
  for (let p = 0; p < participants; p++) {
    for (let k = 0; k < count[p]!; k++) {
      const j = k + Math.floor(random() * (statements - k)); // partial Fisher–Yates: distinct statements
      const s = order[j]!;
      order[j] = order[k]!;
      order[k] = s;
      columns.participant[e] = p;
      columns.comment[e] = s;
      columns.vote[e] = castVote(p, s);
      columns.time[e] = 1_560_000_000_000 + e * 1000;
      e++;
    }
  }
  // Changed votes: a later event for a pair already voted on.
  const firsts = e;
  while (e < votes) {
    const from = Math.floor(random() * firsts);
    columns.participant[e] = columns.participant[from]!;
    columns.comment[e] = columns.comment[from]!;
    columns.vote[e] = castVote(columns.participant[from]!, columns.comment[from]!);
    columns.time[e] = 1_560_000_000_000 + e * 1000;
    e++;
  }
  return { votes: columns, camp };
}

function reversed(v: VoteColumns): VoteColumns {
  return {
    participantIds: [...v.participantIds].reverse(),
    commentIds: [...v.commentIds].reverse(),
    participant: v.participant.map((p) => v.participantIds.length - 1 - p).reverse(),
    comment: v.comment.map((c) => v.commentIds.length - 1 - c).reverse(),
    vote: v.vote.slice().reverse(),
    time: v.time.slice().reverse(),
  };
}

const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);

export async function runGovernanceOpinionMapBench(opts: { log: (line: string) => void }): Promise<void> {
  const generated = performance.now();
  const { votes, camp } = generateConversation(PARTICIPANTS, STATEMENTS, VOTES);
  opts.log(`governance-opinion-map: generated in ${Math.round(performance.now() - generated)} ms`);
  const rssBefore = process.memoryUsage().rss;
  const times: number[] = [];
  let matrixMs = 0;
  let map: ReturnType<typeof computeMap> | undefined;
  let heapPeak = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const matrix = buildMatrix(votes);
    matrixMs = performance.now() - started;
    map = computeMapFromMatrix(matrix);
    times.push(performance.now() - started);
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }
  const again = computeMap(reversed(votes));
  const m = map!;
  const latent = m.matrix.participantIds.map((id, p) => (m.group[p]! >= 0 ? camp[Number(id)]! : null));
  const sorted = [...times].sort((a, b) => a - b);
  opts.log(
    JSON.stringify({
      bench: 'governance-opinion-map',
      db: 'none',
      conversation: 'generated',
      participants: m.matrix.participantIds.length,
      statements: m.matrix.commentIds.length,
      voteEvents: votes.vote.length,
      latestVotes: m.matrix.value.length,
      clustered: m.clustered.reduce((a, b) => a + b, 0),
      groups: m.groups.length,
      groupSizes: m.groups.map((g) => g.members.length),
      firstMs: round3(times[0]!),
      medianMs: round3(sorted[Math.floor(sorted.length / 2)]!),
      runsMs: times.map(round3),
      matrixMs: round3(matrixMs),
      targetMs: 3000,
      withinTarget: sorted[Math.floor(sorted.length / 2)]! <= 3000,
      rssBeforeMiB: mib(rssBefore),
      maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      heapUsedPeakMiB: mib(heapPeak),
      latentAri: round3(
        adjustedRandIndex(
          Array.from(m.group, (g) => (g < 0 ? null : g)),
          latent,
        ),
      ),
      reproducible:
        again.group.every((g, p) => g === m.group[p]) &&
        again.consensus.join() === m.consensus.join() &&
        again.x.every((x, p) => x === m.x[p]),
    }),
  );

  const dir = path.resolve(ROOT, '../shared/data/polis');
  if (!existsSync(dir)) {
    opts.log(`governance-opinion-map: ${dir} not found; real conversations skipped`);
    return;
  }
  for (const conversation of readdirSync(dir).sort()) {
    if (!existsSync(path.join(dir, conversation, 'votes.csv'))) continue;
    const data = await readPolisExport(path.join(dir, conversation));
    const options = exportOptions(data);
    const started = performance.now();
    const real = computeMap(data.votes, options);
    const ms = performance.now() - started;
    const ids = real.matrix.participantIds;
    const polis = Int32Array.from(ids, (id) => data.polisGroups.get(id) ?? -1);
    const polisCounts = groupCounts(real.matrix, polis, Math.max(0, ...polis) + 1);
    const polisGic = groupInformedConsensus(polisCounts);
    const top5 = (g: Float64Array) =>
      Array.from(g.keys())
        .sort((a, b) => g[b]! - g[a]! || a - b)
        .slice(0, 5);
    opts.log(
      JSON.stringify({
        bench: 'governance-opinion-map',
        db: 'none',
        conversation,
        participants: ids.length,
        statements: real.matrix.commentIds.length,
        voteEvents: data.votes.vote.length,
        clustered: real.clustered.reduce((a, b) => a + b, 0),
        groups: real.groups.length,
        polisGroups: polisCounts.groups,
        ms: round3(ms),
        ariWithPolis: round3(adjustedRandIndex(Array.from(real.group), Array.from(polis))),
        top5GicOverlap: overlap(top5(real.groupInformedConsensus), top5(polisGic)),
        consensusOverlap: overlap(real.consensus, consensusStatements(polisCounts, polisGic)),
      }),
    );
  }
}
