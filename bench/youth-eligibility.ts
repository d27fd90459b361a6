import type { BenchDb, Running } from './harness.ts';
import { warmedLoad } from './harness.ts';

// Benchmark 3: POST /api/v1/youth/eligibility-check with a few different profiles, at low
// concurrency (what one person waits for) as well as under some load.
export const PROFILES = [
  { birthDate: '1998-05-01', regionCode: '11560' },
  {
    birthDate: '1995-11-20',
    regionCode: '11560',
    employment: '0013003',
    education: '0049007',
    married: false,
  },
  { birthDate: '2003-02-14', regionCode: '41650', specialGroups: ['0014001'], annualIncome: 2400 },
  { birthDate: '1989-08-30', regionCode: '26440', employment: '0013001', major: '0011001', married: true },
];

export interface EligibilityMeasurement {
  bench: 'youth-eligibility';
  db: BenchDb;
  connections: number;
  seconds: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  policies: number;
  matched: number[];
}

const PATH = '/api/v1/youth/eligibility-check';

export async function measureEligibility(opts: {
  server: Running;
  db: BenchDb;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  policies: number;
  log: (line: string) => void;
}): Promise<EligibilityMeasurement> {
  const matched: number[] = [];
  for (const p of PROFILES) {
    const res = await fetch(opts.server.url + PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(p),
    });
    if (!res.ok) throw new Error(`POST ${PATH} answered ${res.status}: ${await res.text()}`);
    matched.push(((await res.json()) as { items: unknown[] }).items.length);
  }
  const requests = PROFILES.map((p) => ({
    method: 'POST' as const,
    path: PATH,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(p),
  }));
  const r = await warmedLoad({
    url: opts.server.url,
    connections: opts.connections,
    warmupSeconds: opts.warmupSeconds,
    seconds: opts.seconds,
    requests,
    label: `youth-eligibility (${opts.db})`,
    log: opts.log,
  });
  return {
    bench: 'youth-eligibility',
    db: opts.db,
    connections: opts.connections,
    seconds: opts.seconds,
    reqPerSec: Math.round(r.reqPerSec),
    p50Ms: r.p50Ms,
    p99Ms: r.p99Ms,
    policies: opts.policies,
    matched,
  };
}
