import { sql } from 'drizzle-orm';
import { ensureOrganization } from '../seed/builders/organization.ts';
import { installAllModules } from '../server/composition.ts';
import {
  governanceBallotChoices,
  governanceBallots,
  governancePollOptions,
  governancePolls,
} from '../server/modules/governance/polls/tables.ts';
import { type Db, queryRows } from '../server/platform/db/connect.ts';
import { type BenchDb, round3 } from './harness.ts';
import { fireAtOnce, percentile, type RushPerson, signedInResidents } from './rush.ts';
import { rushDatabase } from './rush-db.ts';

// Governance benchmark 2, a voting rush: 3,000 signed-in residents cast a ballot in one "pick up to
// 3" poll at the same instant, over real HTTP against the real server (server/main.ts in its own
// process, as `npm start` runs it), and BENCH_VOTE_REPEATS (default 150) of them send a second
// ballot at the same moment. Goal: every valid ballot counted exactly once (one row per person, its
// choices as sent), every repeat refused 409, no 5xx. People and sessions are made in the database
// first (a sign-in per person would measure the password hash). BENCH_VOTE_CLIENTS, default 3000.
// Printed: ballots accepted and stored, distinct voters among them, duplicates, each status class,
// latency p50/p95/p99/max of every request (all are in flight at once, so it is mostly queueing) and
// votes accepted per second. On the 2-core development machine (7 Dec 2026): PostgreSQL 3,000 of
// 3,000 stored, 0 duplicates, 150 repeats refused 409, 0 5xx, ~326 votes/s, p50 7.2 s, p95 9.0 s;
// PGlite (one connection) ~104 votes/s, p50 19 s, p95 27 s, the same counts.

export interface VoteRushMeasurement {
  bench: 'governance-vote-rush';
  db: BenchDb;
  clients: number;
  repeats: number;
  accepted201: number;
  /** Ballot rows stored for the poll. */
  ballotsStored: number;
  /** Distinct people among them: equal to ballotsStored when nobody voted twice. */
  counted: number;
  duplicates: number;
  choicesMismatched: number;
  refused409: number;
  other4xx: number;
  errors5xx: number;
  networkErrors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  seconds: number;
  /** Every request sent (ballots and repeats) per second of the rush. */
  perSecond: number;
  /** Ballots accepted per second of the rush. */
  votesPerSecond: number;
}

const OPTIONS = [
  '마을 돌봄 공간',
  '청년 일자리',
  '골목상권 지역화폐',
  '보행 환경 개선',
  '마을 에너지',
  '공동육아 나눔터',
];

async function prepare(db: Db, clients: number) {
  const org = await ensureOrganization(db);
  const organizationId = org.id;
  const [poll] = await db
    .insert(governancePolls)
    .values({
      organizationId,
      title: '벤치마크: 2020 의제 선정 투표',
      kind: 'pick_up_to',
      maxChoices: 3,
      opensAt: new Date(Date.now() - 3_600_000),
      closesAt: new Date(Date.now() + 24 * 3_600_000),
      residentsOnly: true,
      verifiedOnly: true,
      resultsVisibility: 'live',
    })
    .returning({ id: governancePolls.id });
  const options = await db
    .insert(governancePollOptions)
    .values(OPTIONS.map((label, position) => ({ organizationId, pollId: poll.id, position, label })))
    .returning({ id: governancePollOptions.id, position: governancePollOptions.position });
  options.sort((a, b) => a.position - b.position);
  const people = await signedInResidents(db, organizationId, clients, (i) => `투표자 ${i}`);
  return { pollId: poll.id, optionIds: options.map((o) => o.id), people };
}

/** Person i picks one to three options, spread over the six (deterministic). */
const choicesOf = (i: number, optionIds: string[]) => {
  const n = 1 + (i % 3);
  return Array.from({ length: n }, (_, k) => optionIds[(i + k * 2) % optionIds.length]);
};

async function audit(db: Db, pollId: string) {
  const [row] = await queryRows<{ ballots: number; people: number; duplicates: number; choices: number }>(
    db,
    sql`select
          (select count(*)::int from ${governanceBallots} where poll_id = ${pollId}) as ballots,
          (select count(distinct user_id)::int from ${governanceBallots} where poll_id = ${pollId}) as people,
          (select count(*)::int from (select user_id from ${governanceBallots} where poll_id = ${pollId}
             group by user_id having count(*) > 1) d) as duplicates,
          (select count(*)::int from ${governanceBallotChoices} where poll_id = ${pollId}) as choices`,
  );
  return {
    ballots: Number(row.ballots),
    people: Number(row.people),
    duplicates: Number(row.duplicates),
    choices: Number(row.choices),
  };
}

export async function measureVoteRush(opts: {
  db: BenchDb;
  postgresUrl?: string;
  clients: number;
  repeats: number;
  log: (line: string) => void;
}): Promise<VoteRushMeasurement> {
  const rushDb = await rushDatabase(opts.db, opts.postgresUrl, 'bench governance-vote-rush');
  try {
    const started = Date.now();
    const { pollId, optionIds, people } = await prepare(rushDb.db, opts.clients);
    opts.log(
      `${opts.db}: ${opts.clients} residents signed in in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    // The first `repeats` people send their ballot twice, at the same instant as everyone else.
    const senders: RushPerson[] = [...people, ...people.slice(0, opts.repeats)];
    const result = await rushDb.serve('child', (base) =>
      fireAtOnce(`${base}/api/v1/governance/polls/${pollId}/ballot`, senders, (i) =>
        JSON.stringify({ optionIds: choicesOf(i % opts.clients, optionIds) }),
      ),
    );
    const check = await audit(rushDb.db, pollId);
    const expectedChoices = people.reduce((n, _, i) => n + choicesOf(i, optionIds).length, 0);
    const sorted = [...result.latencies].sort((a, b) => a - b);
    const { statuses } = result;
    return {
      bench: 'governance-vote-rush',
      db: opts.db,
      clients: opts.clients,
      repeats: opts.repeats,
      accepted201: statuses.filter((x) => x === 201).length,
      ballotsStored: check.ballots,
      counted: check.people,
      duplicates: check.duplicates + (check.ballots - check.people),
      // Every person's ballot holds what they sent: the stored choices add up to the sum of sent ones.
      choicesMismatched: Math.abs(check.choices - expectedChoices),
      refused409: statuses.filter((x) => x === 409).length,
      other4xx: statuses.filter((x) => x >= 400 && x < 500 && x !== 409).length,
      errors5xx: statuses.filter((x) => x >= 500).length,
      networkErrors: statuses.filter((x) => x === 0).length,
      p50Ms: round3(percentile(sorted, 50)),
      p95Ms: round3(percentile(sorted, 95)),
      p99Ms: round3(percentile(sorted, 99)),
      maxMs: round3(sorted.at(-1) ?? 0),
      seconds: round3(result.seconds),
      perSecond: round3(senders.length / result.seconds),
      votesPerSecond: round3(statuses.filter((x) => x === 201).length / result.seconds),
    };
  } finally {
    await rushDb.dispose();
  }
}

export async function runGovernanceVoteRushBench(opts: {
  engines: BenchDb[];
  postgresUrl?: string;
  log: (line: string) => void;
}): Promise<void> {
  installAllModules();
  const clients = Number(process.env.BENCH_VOTE_CLIENTS ?? 3000);
  const repeats = Math.min(clients, Number(process.env.BENCH_VOTE_REPEATS ?? 150));
  for (const db of opts.engines) {
    if (db === 'postgres' && !opts.postgresUrl) {
      opts.log('note: no DATABASE_URL or TEST_DATABASE_URL, so the PostgreSQL vote rush is left out');
      continue;
    }
    opts.log(
      JSON.stringify(
        await measureVoteRush({ db, postgresUrl: opts.postgresUrl, clients, repeats, log: opts.log }),
      ),
    );
  }
}
