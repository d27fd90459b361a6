import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  type BenchDb,
  childEnv,
  freshPostgres,
  load,
  type Running,
  runToEnd,
  startServer,
} from './harness.ts';
import { writeReplicatedFile } from './youth-data.ts';
import { measureEligibility } from './youth-eligibility.ts';
import { measureSearch, probeSearch } from './youth-search.ts';

// Youth benchmarks 1 (search) and 3 (self-check) on one prepared database per engine: 20,000
// policies imported with the real CLI import, the trivial-query ceiling measured on that same
// database, then our server measured on it.
export interface YouthBenchOptions {
  which: Set<'youth-search' | 'youth-eligibility'>;
  seconds: number;
  warmupSeconds: number;
  connections: number;
  eligibilityConnections: number[];
  policies: number;
  engines: BenchDb[];
  postgresUrl?: string;
  log: (line: string) => void;
}

export async function runYouthBench(opts: YouthBenchOptions): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hamkke-youth-bench-'));
  const file = path.join(tmp, 'policies.json');
  writeReplicatedFile(file, opts.policies);
  const emit = (m: object) => opts.log(JSON.stringify(m));
  const engines = opts.engines.filter((e) => e === 'pglite' || opts.postgresUrl);
  try {
    for (const db of engines) {
      const pgDb = db === 'postgres' && opts.postgresUrl ? await freshPostgres(opts.postgresUrl) : null;
      const dbEnv: Record<string, string> = pgDb
        ? { DATABASE_URL: pgDb.url }
        : { HAMKKE_DATA_DIR: path.join(tmp, 'pglite') };
      try {
        const started = Date.now();
        // A fresh database has no organization; the import goes to the first one.
        await runToEnd(
          'server/cli.ts',
          ['org', 'add', '--slug', 'bench', '--name-ko', '벤치마크구', '--name-en', 'Bench'],
          childEnv(dbEnv),
        );
        const out = await runToEnd('server/cli.ts', ['import', 'youth-policies', file], childEnv(dbEnv));
        const summary = out.split('\n').find((l) => l.startsWith('imported')) ?? out.slice(-300);
        opts.log(`${db}: ${summary} in ${Math.round((Date.now() - started) / 1000)} s`);
        // Statistics as autovacuum would have them a minute later; without them the planner guesses 1 row.
        if (pgDb) await analyze(pgDb.url);

        // The ceiling: one `select 1` per request on the same database (PGlite allows one process),
        // at 50 connections; both benchmarks report their rate over it.
        const trivial = await (async () => {
          const s = await startServer(
            'bench/servers/trivial-query.ts',
            pgDb ? { DATABASE_URL: pgDb.url } : { BENCH_DATA_DIR: path.join(tmp, 'pglite') },
            '/',
          );
          try {
            if (opts.warmupSeconds > 0)
              await load({ url: s.url, connections: opts.connections, seconds: opts.warmupSeconds });
            const r = await load({ url: s.url, connections: opts.connections, seconds: opts.seconds });
            emit({
              bench: 'youth-trivial-query',
              db,
              connections: opts.connections,
              reqPerSec: Math.round(r.reqPerSec),
              p50Ms: r.p50Ms,
              p99Ms: r.p99Ms,
            });
            return r.reqPerSec;
          } finally {
            await s.stop();
          }
        })();

        // Each benchmark gets a fresh server: requests left queued by one load (autocannon gives up
        // on them, the server does not) must not delay the next.
        const withServer = async (work: (server: Running) => Promise<void>) => {
          const server = await startServer(
            'server/main.ts',
            {
              ...dbEnv,
              HAMKKE_DEMO: '0',
              HAMKKE_RATE_LIMIT_PER_MINUTE: '100000000',
              HAMKKE_LOG_LEVEL: 'warn',
              // Measured without answer caches (BENCH_ANSWER_CACHE=1 keeps them): every request
              // is computed, whatever the workload.
              HAMKKE_ANSWER_CACHE: process.env.BENCH_ANSWER_CACHE === '1' ? '1' : '0',
            },
            '/readyz',
          );
          try {
            await work(server);
          } finally {
            await server.stop();
          }
        };
        const common = {
          db,
          seconds: opts.seconds,
          warmupSeconds: opts.warmupSeconds,
          policies: opts.policies,
          log: opts.log,
        };
        if (opts.which.has('youth-search'))
          await withServer(async (server) => {
            for (const workload of ['repeated', 'varied'] as const)
              emit(
                await measureSearch({
                  ...common,
                  server,
                  workload,
                  connections: opts.connections,
                  trivialReqPerSec: trivial,
                }),
              );
            emit(await probeSearch({ server, db, perKind: 20 }));
          });
        if (opts.which.has('youth-eligibility'))
          await withServer(async (server) => {
            for (const connections of opts.eligibilityConnections)
              emit(await measureEligibility({ ...common, server, connections, trivialReqPerSec: trivial }));
          });
      } finally {
        await pgDb?.drop();
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function analyze(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('analyze');
  await c.end();
}
