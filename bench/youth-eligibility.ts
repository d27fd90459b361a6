import type { BenchDb, Running } from './harness.ts';
import { round3, warmedLoad } from './harness.ts';
import { seeded } from './youth-workload.ts';

// Benchmark 3: POST /api/v1/youth/eligibility-check with many different profiles (the four below,
// then a few hundred drawn from a seeded generator), at low concurrency (what one person waits for)
// as well as under some load.
export const PROFILES: Array<Record<string, unknown>> = [
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
  /** Requests a second over the one-trivial-query ceiling of the same run (when it was measured). */
  ratioToTrivialQuery: number | null;
  /** How many policies fit each of the four named profiles, and the size of their answers. */
  matched: number[];
  responseBytes: number[];
  profiles: number;
}

const REGIONS = ['11560', '11110', '26440', '41650', '44825', '31170', '50110', '27290', '48330'];
const code = (family: string, last: number, r: () => number) =>
  `${family}${String(1 + Math.floor(r() * last)).padStart(3, '0')}`;

/** The four named profiles and `count - 4` distinct others: birth years 1985–2008, regions, statuses. */
export function variedProfiles(count: number): Array<Record<string, unknown>> {
  const r = seeded(3);
  const out = [...PROFILES];
  const seen = new Set(out.map((p) => JSON.stringify(p)));
  while (out.length < count) {
    const p: Record<string, unknown> = {
      birthDate: `${1985 + Math.floor(r() * 24)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
      regionCode: REGIONS[Math.floor(r() * REGIONS.length)],
    };
    if (r() < 0.5) p.employment = code('0013', 9, r);
    if (r() < 0.4) p.education = code('0049', 9, r);
    if (r() < 0.2) p.major = code('0011', 8, r);
    if (r() < 0.3) p.specialGroups = r() < 0.3 ? [] : [code('0014', 9, r)];
    if (r() < 0.3) p.married = r() < 0.5;
    if (r() < 0.25) p.annualIncome = Math.floor(r() * 6000);
    const key = JSON.stringify(p);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

const PATH = '/api/v1/youth/eligibility-check';

export async function measureEligibility(opts: {
  server: Running;
  db: BenchDb;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  policies: number;
  trivialReqPerSec?: number | null;
  log: (line: string) => void;
}): Promise<EligibilityMeasurement> {
  const matched: number[] = [];
  const responseBytes: number[] = [];
  for (const p of PROFILES) {
    const res = await fetch(opts.server.url + PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(p),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`POST ${PATH} answered ${res.status}: ${text}`);
    const body = JSON.parse(text) as { items: unknown[]; total?: number };
    matched.push(body.total ?? body.items.length);
    responseBytes.push(Buffer.byteLength(text));
  }
  const profiles = variedProfiles(400);
  const requests = profiles.map((p) => ({
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
    ratioToTrivialQuery: opts.trivialReqPerSec ? round3(r.reqPerSec / opts.trivialReqPerSec) : null,
    policies: opts.policies,
    matched,
    responseBytes,
    profiles: profiles.length,
  };
}
