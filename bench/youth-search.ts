import type { BenchDb, Load, Running } from './harness.ts';
import { load, round3 } from './harness.ts';

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

export interface SearchMeasurement {
  bench: 'youth-search';
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
  log: (line: string) => void;
}): Promise<SearchMeasurement> {
  for (const p of SEARCH_PATHS) {
    const res = await fetch(opts.server.url + p);
    if (!res.ok) throw new Error(`GET ${p} answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { items: unknown[] };
    if (p.includes('q=') && body.items.length === 0) opts.log(`note: ${decodeURI(p)} found nothing`);
  }
  const requests = SEARCH_PATHS.map((p) => ({ method: 'GET' as const, path: p }));
  const run = (seconds: number): Promise<Load> =>
    load({ url: opts.server.url, connections: opts.connections, seconds, requests });
  if (opts.warmupSeconds > 0) await run(opts.warmupSeconds);
  const r = await run(opts.seconds);
  if (r.problems) opts.log(`warning: youth-search (${opts.db}): ${r.problems}`);
  return {
    bench: 'youth-search',
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
