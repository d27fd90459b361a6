import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import {
  childEnv,
  cpuSeconds,
  freshPostgres,
  type Running,
  round3,
  runToEnd,
  startServer,
} from './harness.ts';

// HTTP benchmark. Every server runs in its own node process on a free localhost port, and all are
// started first; autocannon (here) loads one at a time, in rounds. Each round measures the bare
// Fastify hello again, and a target's ratio is to the hello of its own round, so other work on a
// shared machine moves both alike; the rounds show the spread. Each line also gives the server's
// CPU time per request (from /proc), which the machine's other load hardly moves.
//
// fastify-hello-in-app is the same hello served by a process that holds the whole app (not
// listening): the part of a request's cost that is the process, not our request path.
//
// BENCH_HTTP_ROUNDS (default 3). BENCH_BASELINE_DIR: another checkout of Hamkke (say, the commit
// before a change, with node_modules) whose /healthz is measured in the same rounds as `before`.

type Db = 'none' | 'pglite' | 'postgres';

export interface HttpMeasurement {
  bench: 'http';
  target: string;
  db: Db;
  round: number;
  connections: number;
  seconds: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Server CPU (user + system) per answered request, in µs; null off Linux. */
  cpuUsPerRequest: number | null;
  ratioToHello: number | null;
  ratioToTrivialQuery: number | null;
  /** Hello's CPU per request ÷ this one's: what the ratio would be if CPU were the only limit. */
  cpuRatioToHello: number | null;
  /** Against the hello served by a process holding the whole app (see below). */
  ratioToHelloInApp: number | null;
}

export interface HttpBenchOptions {
  seconds: number;
  warmupSeconds: number;
  connections: number;
  postgresUrl?: string;
  log: (line: string) => void;
}

interface Target {
  name: string;
  db: Db;
  server: Running;
  path: string;
  ceiling?: 'hello' | 'trivial';
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export async function runHttpBench(opts: HttpBenchOptions): Promise<HttpMeasurement[]> {
  const rounds = Number(process.env.BENCH_HTTP_ROUNDS ?? 3);
  const baselineDir = process.env.BENCH_BASELINE_DIR ? path.resolve(process.env.BENCH_BASELINE_DIR) : null;
  const results: HttpMeasurement[] = [];
  const emit = (m: object) => opts.log(JSON.stringify(m));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hamkke-bench-'));
  const running: Running[] = [];
  const databases: Array<{ drop(): Promise<void> }> = [];
  const start = async (...args: Parameters<typeof startServer>) => {
    const s = await startServer(...args);
    running.push(s);
    return s;
  };

  // Web-only processes (no job workers polling in the background), at warn so no request is logged,
  // with the answer caches off: the budget page does its queries on every request.
  const ours = {
    HAMKKE_RATE_LIMIT_PER_MINUTE: '100000000',
    HAMKKE_LOG_LEVEL: 'warn',
    HAMKKE_ROLE: 'web',
    HAMKKE_ANSWER_CACHE: '0',
  };
  // The baseline may predate HAMKKE_ANSWER_CACHE (an unknown setting stops it): only /healthz is compared.
  const theirs = { HAMKKE_RATE_LIMIT_PER_MINUTE: '100000000', HAMKKE_LOG_LEVEL: 'warn', HAMKKE_ROLE: 'web' };
  const BUDGET = '/api/v1/administration/budget?year=2019';

  try {
    const targets: Target[] = [];
    const hello = await start('bench/servers/hello.ts', {}, '/');
    targets.push({ name: 'fastify-hello', db: 'none', server: hello, path: '/' });
    targets.push({
      name: 'fastify-trivial-query',
      db: 'pglite',
      server: await start(
        'bench/servers/trivial-query.ts',
        { BENCH_DATA_DIR: path.join(tmp, 'trivial') },
        '/',
      ),
      path: '/',
      ceiling: 'trivial',
    });
    targets.push({
      name: 'fastify-hello-in-app',
      db: 'pglite',
      server: await start(
        'bench/servers/hello-in-app.ts',
        { HAMKKE_DATA_DIR: path.join(tmp, 'hello-in-app'), HAMKKE_ROLE: 'web', HAMKKE_DEMO: '0' },
        '/',
      ),
      path: '/',
    });
    const pglite = await start(
      'server/main.ts',
      { ...ours, HAMKKE_DATA_DIR: path.join(tmp, 'hamkke'), HAMKKE_DEMO: '1' },
      '/readyz',
    );
    targets.push({ name: 'hamkke-healthz', db: 'pglite', server: pglite, path: '/healthz' });
    targets.push({ name: 'hamkke-budget', db: 'pglite', server: pglite, path: BUDGET });
    if (baselineDir) {
      const before = await start(
        'server/main.ts',
        { ...theirs, HAMKKE_DATA_DIR: path.join(tmp, 'before'), HAMKKE_DEMO: '1' },
        '/readyz',
        180_000,
        baselineDir,
      );
      targets.push({ name: 'before-healthz', db: 'pglite', server: before, path: '/healthz' });
    }
    if (opts.postgresUrl) {
      const trivialDb = await freshPostgres(opts.postgresUrl);
      databases.push(trivialDb);
      targets.push({
        name: 'fastify-trivial-query',
        db: 'postgres',
        server: await start('bench/servers/trivial-query.ts', { DATABASE_URL: trivialDb.url }, '/'),
        path: '/',
        ceiling: 'trivial',
      });
      const demoDb = await freshPostgres(opts.postgresUrl);
      databases.push(demoDb);
      await runToEnd('server/cli.ts', ['seed', 'demo'], childEnv({ DATABASE_URL: demoDb.url }));
      const pgServer = await start('server/main.ts', { ...ours, DATABASE_URL: demoDb.url }, '/readyz');
      targets.push({ name: 'hamkke-healthz', db: 'postgres', server: pgServer, path: '/healthz' });
      targets.push({ name: 'hamkke-budget', db: 'postgres', server: pgServer, path: BUDGET });
      if (baselineDir) {
        const beforeDb = await freshPostgres(opts.postgresUrl);
        databases.push(beforeDb);
        await runToEnd(
          'server/cli.ts',
          ['seed', 'demo'],
          childEnv({ DATABASE_URL: beforeDb.url }),
          baselineDir,
        );
        const before = await start(
          'server/main.ts',
          { ...theirs, DATABASE_URL: beforeDb.url },
          '/readyz',
          180_000,
          baselineDir,
        );
        targets.push({ name: 'before-healthz', db: 'postgres', server: before, path: '/healthz' });
      }
    }

    for (const t of targets) {
      const check = await fetch(t.server.url + t.path);
      if (!check.ok)
        throw new Error(`${t.name}: GET ${t.path} answered ${check.status}: ${await check.text()}`);
    }

    for (let round = 1; round <= rounds; round++) {
      let helloRate = 0;
      let inAppRate = 0;
      let helloCpu: number | null = null;
      const trivialRate: Partial<Record<Db, number>> = {};
      for (const t of targets) {
        const url = t.server.url + t.path;
        if (opts.warmupSeconds > 0)
          await autocannon({ url, connections: opts.connections, duration: opts.warmupSeconds });
        const cpuBefore = cpuSeconds(t.server.pid);
        const r = await autocannon({ url, connections: opts.connections, duration: opts.seconds });
        const cpuAfter = cpuSeconds(t.server.pid);
        if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0)
          opts.log(
            `warning: ${t.name} (${t.db}): ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`,
          );
        const answered = r.requests.total;
        const cpuUs =
          cpuBefore !== null && cpuAfter !== null && answered > 0
            ? Math.round(((cpuAfter - cpuBefore) * 1e6 * 10) / answered) / 10
            : null;
        const rate = r.requests.average;
        if (t.name === 'fastify-hello') {
          helloRate = rate;
          helloCpu = cpuUs;
        }
        if (t.name === 'fastify-hello-in-app') inAppRate = rate;
        if (t.ceiling === 'trivial') trivialRate[t.db] = rate;
        const trivial = trivialRate[t.db];
        const m: HttpMeasurement = {
          bench: 'http',
          target: t.name,
          db: t.db,
          round,
          connections: opts.connections,
          seconds: opts.seconds,
          reqPerSec: Math.round(rate),
          p50Ms: r.latency.p50,
          p99Ms: r.latency.p99,
          cpuUsPerRequest: cpuUs,
          ratioToHello: helloRate ? round3(rate / helloRate) : null,
          ratioToTrivialQuery: t.db !== 'none' && trivial ? round3(rate / trivial) : null,
          cpuRatioToHello: helloCpu && cpuUs ? round3(helloCpu / cpuUs) : null,
          ratioToHelloInApp: inAppRate ? round3(rate / inAppRate) : null,
        };
        results.push(m);
        emit(m);
      }
    }

    // One line per target over the rounds: the median and the spread.
    const seen = new Set<string>();
    for (const m of results) {
      const key = `${m.target}|${m.db}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const all = results.filter((r) => r.target === m.target && r.db === m.db);
      const spread = (pick: (r: HttpMeasurement) => number | null) => {
        const xs = all.map(pick).filter((x): x is number => x !== null);
        return xs.length ? { median: round3(median(xs)), min: Math.min(...xs), max: Math.max(...xs) } : null;
      };
      emit({
        bench: 'http-summary',
        target: m.target,
        db: m.db,
        rounds: all.length,
        reqPerSec: spread((r) => r.reqPerSec),
        p99Ms: spread((r) => r.p99Ms),
        cpuUsPerRequest: spread((r) => r.cpuUsPerRequest),
        ratioToHello: spread((r) => r.ratioToHello),
        ratioToTrivialQuery: spread((r) => r.ratioToTrivialQuery),
        cpuRatioToHello: spread((r) => r.cpuRatioToHello),
        ratioToHelloInApp: spread((r) => r.ratioToHelloInApp),
      });
    }
  } finally {
    for (const s of running.reverse()) await s.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
    for (const d of databases) await d.drop().catch(() => {});
  }
  return results;
}
