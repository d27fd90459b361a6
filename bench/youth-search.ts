import type autocannon from 'autocannon';
import type { BenchDb, Running } from './harness.ts';
import { round3, warmedLoad } from './harness.ts';
import { variedSearchRequests } from './youth-workload.ts';

// Benchmark 1: GET /api/v1/youth/policies over a mix of query shapes, each connection rotating
// through the list: two-syllable words, several words, 초성, and words with filters and sorts.
export const SEARCH_PATHS = [
  'q=주거',
  'q=창업',
  'q=취업',
  'q=청년 월세 지원',
  'q=창업 지원금',
  'q=ㅊㅇ',
  'q=ㅈㄱ',
  'q=주거&region=11560',
  'q=취업&status=open',
  'q=창업&sort=deadline',
  'region=11560&status=open&sort=deadline',
  'q=일자리&region=11560&status=open&sort=deadline',
].map((qs) => `/api/v1/youth/policies?${encodeURI(qs)}`);

/**
 * The varied workload: distinct requests (words, several words, 초성, typos, one syllable, Latin
 * words, filters only; see youth-workload.ts), sent in order across all connections so that none
 * repeats within a run unless the list runs out (then `repeats` says how many did). No answer
 * cache can help: every request is one the server has not been asked before.
 */
export const VARIED_COUNT = Number(process.env.BENCH_VARIED_REQUESTS ?? 80_000);

export interface SearchMeasurement {
  bench: 'youth-search';
  /** repeated: the 12 shapes over and over; varied: distinct requests only (run.ts: answer caches off unless BENCH_ANSWER_CACHE=1). */
  workload: 'repeated' | 'varied';
  db: BenchDb;
  connections: number;
  seconds: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  ratioToTrivialQuery: number | null;
  policies: number;
  /** varied: how many distinct requests there were, how many were sent (warm-up included), how many repeated. */
  distinct?: number;
  sent?: number;
  repeats?: number;
}

/** Median and worst time of one request at a time, per kind of query (where the time goes). */
export interface SearchProbe {
  bench: 'youth-search-probe';
  db: BenchDb;
  perKind: Record<string, { n: number; p50Ms: number; maxMs: number; found: number }>;
}

export async function probeSearch(opts: {
  server: Running;
  db: BenchDb;
  perKind: number;
}): Promise<SearchProbe> {
  // Requests from the end of the list: the measured runs start at its beginning.
  const list = variedSearchRequests(VARIED_COUNT).reverse();
  const perKind: SearchProbe['perKind'] = {};
  const counts = new Map<string, number>();
  const times = new Map<string, number[]>();
  for (const r of list) {
    const n = counts.get(r.kind) ?? 0;
    if (n >= opts.perKind) continue;
    counts.set(r.kind, n + 1);
    const t0 = performance.now();
    const res = await fetch(opts.server.url + r.path);
    const body = (await res.json()) as { items?: unknown[] };
    const ms = performance.now() - t0;
    if (!res.ok) throw new Error(`GET ${r.path} answered ${res.status}: ${JSON.stringify(body)}`);
    times.set(r.kind, [...(times.get(r.kind) ?? []), ms]);
    perKind[r.kind] ??= { n: 0, p50Ms: 0, maxMs: 0, found: 0 };
    const k = perKind[r.kind];
    k.n++;
    if ((body.items?.length ?? 0) > 0) k.found++;
  }
  for (const [kind, ts] of times) {
    ts.sort((a, b) => a - b);
    perKind[kind].p50Ms = Math.round(ts[Math.floor(ts.length / 2)] * 10) / 10;
    perKind[kind].maxMs = Math.round(ts[ts.length - 1] * 10) / 10;
  }
  return { bench: 'youth-search-probe', db: opts.db, perKind };
}

export async function measureSearch(opts: {
  server: Running;
  db: BenchDb;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  trivialReqPerSec: number | null;
  policies: number;
  workload?: 'repeated' | 'varied';
  log: (line: string) => void;
}): Promise<SearchMeasurement> {
  const workload = opts.workload ?? 'repeated';
  for (const p of SEARCH_PATHS) {
    const res = await fetch(opts.server.url + p);
    if (!res.ok) throw new Error(`GET ${p} answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { items: unknown[] };
    if (p.includes('q=') && body.items.length === 0) opts.log(`note: ${decodeURI(p)} found nothing`);
  }
  // Varied: one list walked in order by all connections together (a shared counter), so no two
  // requests of the run are the same until the list is used up.
  const varied = workload === 'varied' ? variedSearchRequests(VARIED_COUNT).map((r) => r.path) : [];
  let next = 0;
  const requests: autocannon.Request[] =
    workload === 'varied'
      ? [
          {
            method: 'GET' as const,
            setupRequest: (req: autocannon.Request) => ({ ...req, path: varied[next++ % varied.length] }),
          },
        ]
      : SEARCH_PATHS.map((p) => ({ method: 'GET' as const, path: p }));
  const r = await warmedLoad({
    url: opts.server.url,
    connections: opts.connections,
    warmupSeconds: opts.warmupSeconds,
    seconds: opts.seconds,
    requests,
    label: `youth-search (${opts.db})`,
    log: opts.log,
  });
  return {
    bench: 'youth-search',
    workload,
    db: opts.db,
    connections: opts.connections,
    seconds: opts.seconds,
    reqPerSec: Math.round(r.reqPerSec),
    p50Ms: r.p50Ms,
    p99Ms: r.p99Ms,
    ratioToTrivialQuery: opts.trivialReqPerSec ? round3(r.reqPerSec / opts.trivialReqPerSec) : null,
    policies: opts.policies,
    ...(workload === 'varied'
      ? { distinct: varied.length, sent: next, repeats: Math.max(0, next - varied.length) }
      : {}),
  };
}
