import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import type { RushPerson } from './rush.ts';

// The clients of a rush, in a thread of their own: sending thousands of requests and reading the
// answers is work the server's thread should not pay for (on one thread it did, and the figure
// measured both). Posts back each answer's status (0 when the connection failed) and time.

const { url, people, bodies } = workerData as { url: string; people: RushPerson[]; bodies: string[] };
const statuses: number[] = [];
const latencies: number[] = [];
const t0 = performance.now();
await Promise.all(
  people.map(async (p, i) => {
    const sent = performance.now();
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          cookie: p.cookie,
          'x-csrf-token': p.csrf,
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
        },
        body: bodies[i],
      });
      await res.text();
      statuses.push(res.status);
    } catch {
      statuses.push(0);
    }
    latencies.push(performance.now() - sent);
  }),
);
parentPort?.postMessage({ statuses, latencies, seconds: (performance.now() - t0) / 1000 });
