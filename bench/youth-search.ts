import type autocannon from 'autocannon';
import type { BenchDb, Running } from './harness.ts';
import { round3, warmedLoad } from './harness.ts';

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
 * The same shapes made ~10,000 distinct requests (every age 19–39 and page size 10–50), so the
 * server's few-second cache of repeated searches seldom answers: the cost of searches nobody
 * asked a moment ago.
 */
export const VARIED_SEARCH_PATHS = SEARCH_PATHS.flatMap((p) =>
  Array.from({ length: 21 }, (_, a) =>
    Array.from({ length: 41 }, (_, l) => `${p}&age=${19 + a}&limit=${10 + l}`),
  ).flat(),
);

export interface SearchMeasurement {
  bench: 'youth-search';
  /** repeated: the 12 shapes over and over (the cache answers); varied: ~10,000 distinct requests. */
  workload: 'repeated' | 'varied';
  db: BenchDb;
  connections: number;
  seconds: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  ratioToTrivialQuery: number | null;
  policies: number;
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
  const paths = workload === 'varied' ? VARIED_SEARCH_PATHS : SEARCH_PATHS;
  for (const p of SEARCH_PATHS) {
    const res = await fetch(opts.server.url + p);
    if (!res.ok) throw new Error(`GET ${p} answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { items: unknown[] };
    if (p.includes('q=') && body.items.length === 0) opts.log(`note: ${decodeURI(p)} found nothing`);
  }
  // Every connection walks the same list in step, so the varied workload picks a random path per
  // request instead (else the connections would ask the same thing at the same moment).
  const requests: autocannon.Request[] =
    workload === 'varied'
      ? [
          {
            method: 'GET' as const,
            setupRequest: (req: autocannon.Request) => ({
              ...req,
              path: paths[Math.floor(Math.random() * paths.length)],
            }),
          },
        ]
      : paths.map((p) => ({ method: 'GET' as const, path: p }));
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
  };
}
