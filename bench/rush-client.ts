import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import type { RushPerson } from './rush.ts';

// The clients of a rush, in a thread of their own: sending thousands of requests and reading the
// answers is work the server's thread should not pay for (on one thread it did, and the figure
// measured both). Posts back each answer's status (0 when the connection failed) and time.
//
// Each person is one connection carrying one request (`connection: close`), written as bytes and
// read to the end: a load generator, not a browser. fetch() cost the machine's two cores about a
// millisecond of CPU per request on the client side alone, which the server's figure then paid for.

const { url, people, bodies } = workerData as { url: string; people: RushPerson[]; bodies: string[] };
const target = new URL(url);

function post(p: RushPerson, body: string): Promise<number> {
  const head = [
    `POST ${target.pathname}${target.search} HTTP/1.1`,
    `host: ${target.host}`,
    `cookie: ${p.cookie}`,
    `x-csrf-token: ${p.csrf}`,
    'content-type: application/json',
    `content-length: ${Buffer.byteLength(body)}`,
    `idempotency-key: ${randomUUID()}`,
    'connection: close',
  ].join('\r\n');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(Number(target.port), target.hostname, () => {
      socket.write(`${head}\r\n\r\n${body}`);
    });
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => resolve(0));
    socket.on('close', () => {
      // The status line: "HTTP/1.1 200 OK".
      const status = Number(Buffer.concat(chunks).subarray(9, 12).toString('latin1'));
      resolve(Number.isInteger(status) && status >= 100 ? status : 0);
    });
  });
}

const statuses: number[] = [];
const latencies: number[] = [];
const t0 = performance.now();
await Promise.all(
  people.map(async (p, i) => {
    const sent = performance.now();
    statuses.push(await post(p, bodies[i]));
    latencies.push(performance.now() - sent);
  }),
);
parentPort?.postMessage({ statuses, latencies, seconds: (performance.now() - t0) / 1000 });
