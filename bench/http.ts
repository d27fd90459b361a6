import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { childEnv, type Running, runToEnd, startServer } from './harness.ts';

// HTTP benchmark: every target runs as a child process (node + tsx) on a free localhost port;
// autocannon runs here, in the bench process, against each in turn.

export interface HttpMeasurement {
  bench: 'http';
  target: string;
  db: 'none' | 'pglite' | 'postgres';
  connections: number;
  seconds: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  ratioToHello: number | null;
  ratioToTrivialQuery: number | null;
}

export interface HttpBenchOptions {
  seconds: number;
  warmupSeconds: number;
  connections: number;
  postgresUrl?: string;
  log: (line: string) => void;
}

async function load(url: string, connections: number, seconds: number) {
  const result = await autocannon({ url, connections, duration: seconds });
  return result;
}

export async function runHttpBench(opts: HttpBenchOptions): Promise<HttpMeasurement[]> {
  const results: HttpMeasurement[] = [];
  const ceilings: Partial<Record<'none' | 'pglite' | 'postgres', number>> = {};
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hamkke-bench-'));

  const measure = async (target: string, db: HttpMeasurement['db'], server: Running, urlPath: string) => {
    const url = server.url + urlPath;
    const check = await fetch(url);
    if (!check.ok)
      throw new Error(`${target}: GET ${urlPath} answered ${check.status}: ${await check.text()}`);
    if (opts.warmupSeconds > 0) await load(url, opts.connections, opts.warmupSeconds);
    const r = await load(url, opts.connections, opts.seconds);
    if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0) {
      opts.log(`warning: ${target} (${db}): ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
    }
    const reqPerSec = r.requests.average;
    const hello = ceilings.none;
    const trivial = db === 'none' ? undefined : ceilings[db];
    const m: HttpMeasurement = {
      bench: 'http',
      target,
      db,
      connections: opts.connections,
      seconds: opts.seconds,
      reqPerSec: Math.round(reqPerSec),
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      ratioToHello: hello ? round(reqPerSec / hello) : null,
      ratioToTrivialQuery: trivial ? round(reqPerSec / trivial) : null,
    };
    results.push(m);
    return m;
  };
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const emit = (m: HttpMeasurement) => opts.log(JSON.stringify(m));

  const ours = {
    HAMKKE_RATE_LIMIT_PER_MINUTE: '100000000',
    HAMKKE_LOG_LEVEL: 'warn',
  };

  let pgDb: { name: string; url: string } | null = null;
  const pgAdmin = opts.postgresUrl;
  try {
    // (a) bare hello-world
    {
      const s = await startServer('bench/servers/hello.ts', {}, '/');
      try {
        const m = await measure('fastify-hello', 'none', s, '/');
        ceilings.none = m.reqPerSec;
        m.ratioToHello = 1;
        emit(m);
      } finally {
        await s.stop();
      }
    }
    // (b) one trivial query on PGlite
    {
      const s = await startServer(
        'bench/servers/trivial-query.ts',
        { BENCH_DATA_DIR: path.join(tmp, 'trivial') },
        '/',
      );
      try {
        const m = await measure('fastify-trivial-query', 'pglite', s, '/');
        ceilings.pglite = m.reqPerSec;
        m.ratioToTrivialQuery = 1;
        emit(m);
      } finally {
        await s.stop();
      }
    }
    // (b) one trivial query on PostgreSQL, in a fresh database that (d) loads the demo into
    if (pgAdmin) {
      const name = `hamkke_bench_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: pgAdmin });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(pgAdmin);
      url.pathname = `/${name}`;
      pgDb = { name, url: url.toString() };
      const s = await startServer('bench/servers/trivial-query.ts', { DATABASE_URL: pgDb.url }, '/');
      try {
        const m = await measure('fastify-trivial-query', 'postgres', s, '/');
        ceilings.postgres = m.reqPerSec;
        m.ratioToTrivialQuery = 1;
        emit(m);
      } finally {
        await s.stop();
      }
    }
    // (c) and (d) on PGlite: our server in demo mode on a temporary data directory
    {
      const s = await startServer(
        'server/main.ts',
        { ...ours, HAMKKE_DATA_DIR: path.join(tmp, 'hamkke'), HAMKKE_DEMO: '1' },
        '/readyz',
      );
      try {
        emit(await measure('hamkke-healthz', 'pglite', s, '/healthz'));
        emit(await measure('hamkke-budget', 'pglite', s, '/api/v1/administration/budget?year=2019'));
      } finally {
        await s.stop();
      }
    }
    // (d) on PostgreSQL: the demo loaded with the CLI, then the server
    if (pgDb) {
      await runToEnd('server/cli.ts', ['seed', 'demo'], childEnv({ DATABASE_URL: pgDb.url }));
      const s = await startServer('server/main.ts', { ...ours, DATABASE_URL: pgDb.url }, '/readyz');
      try {
        emit(await measure('hamkke-healthz', 'postgres', s, '/healthz'));
        emit(await measure('hamkke-budget', 'postgres', s, '/api/v1/administration/budget?year=2019'));
      } finally {
        await s.stop();
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (pgDb && pgAdmin) {
      const admin = new pg.Client({ connectionString: pgAdmin });
      await admin.connect();
      await admin.query(`drop database if exists ${pgDb.name} with (force)`);
      await admin.end();
    }
  }
  return results;
}
