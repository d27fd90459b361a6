import { runHttpBench } from './http.ts';

// `npm run bench`: prints one JSON line per measurement on stdout; notes go to stderr.
// BENCH_SECONDS (default 10), BENCH_WARMUP_SECONDS (default 2), BENCH_CONNECTIONS (default 50);
// PostgreSQL targets run when DATABASE_URL or TEST_DATABASE_URL is set.
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

await runHttpBench({
  seconds,
  warmupSeconds,
  connections,
  postgresUrl: process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL,
  log: (line) => (line.startsWith('{') ? console.log(line) : console.error(line)),
});
