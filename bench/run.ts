import path from 'node:path';
import { runBookingLotteryBench } from './booking-lottery.ts';
import { runCourseRushBench } from './booking-rush-course.ts';
import { runBookingRushBench } from './booking-rush-room.ts';
import { runGovernanceOpinionMapBench } from './governance-opinion-map.ts';
import { runGovernanceVoteRushBench } from './governance-vote-rush.ts';
import { type BenchDb, ROOT } from './harness.ts';
import { runHttpBench } from './http.ts';
import { runLighthouseBench } from './lighthouse.ts';
import { runYouthBench } from './youth.ts';

// `npm run bench`: prints one JSON line per measurement on stdout; notes go to stderr.
// BENCH_SECONDS (default 10), BENCH_WARMUP_SECONDS (default 2), BENCH_CONNECTIONS (default 50);
// PostgreSQL targets run when DATABASE_URL or TEST_DATABASE_URL is set.
// BENCH_ONLY picks benchmarks (comma-separated: http, youth-search, youth-eligibility, lighthouse,
// booking-lottery, booking-rush-room (BENCH_RUSH_CLIENTS, default 2000; BENCH_RUSH_SLOTS, default 50;
// on the BENCH_ENGINES databases), booking-rush-course (BENCH_COURSE_CLIENTS, default 5000;
// BENCH_COURSE_SEATS, default 100); governance-opinion-map (the deliberation map's recompute on
// 33,000 × 800 with 2,000,000 votes, and ../shared/data/polis); governance-vote-rush (BENCH_VOTE_CLIENTS,
// default 3000, vote at once in one poll, BENCH_VOTE_REPEATS of them twice; on the BENCH_ENGINES
// databases); `governance` names both governance benchmarks; `booking` names every booking benchmark, also as `npm run bench -- booking`;
// default all but lighthouse, which runs only when named: it needs `npm run build` first and
// BENCH_LIGHTHOUSE_RUNS, default 3, runs per page; BENCH_LIGHTHOUSE_BUILD, default dist, the build;
// BENCH_LIGHTHOUSE_LANG, default ko-KR, the browser's language; BENCH_LIGHTHOUSE_NICE, a priority
// for Chromium and the server on a shared machine);
// BENCH_ENGINES picks the youth benchmarks' databases (pglite, postgres; default both);
// BENCH_YOUTH_POLICIES (default 20000) is how many policies they import; BENCH_VARIED_REQUESTS
// (default 80000) how many distinct searches the varied workload holds (none repeats in a run);
// the youth servers run with HAMKKE_ANSWER_CACHE=0 unless BENCH_ANSWER_CACHE=1.
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const postgresUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const log = (line: string) => (line.startsWith('{') ? console.log(line) : console.error(line));

const ALL = [
  'http',
  'youth-search',
  'youth-eligibility',
  'lighthouse',
  'booking-lottery',
  'booking-rush-room',
  'booking-rush-course',
  'governance-opinion-map',
  'governance-vote-rush',
] as const;
type Bench = (typeof ALL)[number];
const only = (process.env.BENCH_ONLY ?? process.argv[2] ?? ALL.filter((b) => b !== 'lighthouse').join(','))
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)
  .flatMap((s) => (s === 'booking' || s === 'governance' ? ALL.filter((b) => b.startsWith(`${s}-`)) : [s]));
for (const name of only)
  if (!ALL.includes(name as Bench))
    throw new Error(`BENCH_ONLY: unknown benchmark ${name} (${ALL.join(', ')})`);
const chosen = new Set(only as Bench[]);

if (chosen.has('http')) await runHttpBench({ seconds, warmupSeconds, connections, postgresUrl, log });

if (chosen.has('booking-lottery')) await runBookingLotteryBench({ log });

if (chosen.has('governance-opinion-map')) await runGovernanceOpinionMapBench({ log });

if (chosen.has('governance-vote-rush')) {
  const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((s) => s.trim());
  await runGovernanceVoteRushBench({
    engines: engines.filter((e): e is 'pglite' | 'postgres' => e === 'pglite' || e === 'postgres'),
    postgresUrl,
    log,
  });
}

if (chosen.has('booking-rush-room')) {
  const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((s) => s.trim());
  await runBookingRushBench({
    engines: engines.filter((e): e is 'pglite' | 'postgres' => e === 'pglite' || e === 'postgres'),
    postgresUrl,
    log,
  });
}

if (chosen.has('booking-rush-course')) {
  const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((s) => s.trim());
  await runCourseRushBench({
    engines: engines.filter((e): e is 'pglite' | 'postgres' => e === 'pglite' || e === 'postgres'),
    postgresUrl,
    log,
  });
}

if (chosen.has('lighthouse'))
  await runLighthouseBench({
    runs: Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3),
    language: process.env.BENCH_LIGHTHOUSE_LANG ?? 'ko-KR',
    build: path.resolve(ROOT, process.env.BENCH_LIGHTHOUSE_BUILD ?? 'dist'),
    log,
  });

const youth = new Set(
  [...chosen].filter((b) => b.startsWith('youth-')) as Array<'youth-search' | 'youth-eligibility'>,
);
if (youth.size > 0) {
  const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((s) => s.trim());
  for (const e of engines)
    if (e !== 'pglite' && e !== 'postgres') throw new Error(`BENCH_ENGINES: unknown engine ${e}`);
  if (engines.includes('postgres') && !postgresUrl)
    log('note: no DATABASE_URL or TEST_DATABASE_URL, so the PostgreSQL runs are left out');
  await runYouthBench({
    which: youth,
    seconds,
    warmupSeconds,
    connections,
    eligibilityConnections: [1, 10],
    policies: Number(process.env.BENCH_YOUTH_POLICIES ?? 20000),
    engines: engines as BenchDb[],
    postgresUrl,
    log,
  });
}
