import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { hashPassword } from '../server/platform/auth/commands.ts';
import { createSession, SESSION_COOKIE } from '../server/platform/auth/sessions.ts';
import { memberships, users } from '../server/platform/auth/tables.ts';
import type { Db } from '../server/platform/db/connect.ts';

// What the booking rush benchmarks share: many signed-in residents, all sending one request at once.

export interface RushPerson {
  cookie: string;
  csrf: string;
}

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/**
 * `count` residents of the organization, each with a session of their own. Sessions are made
 * directly: a sign-in per person would measure the password hash, not the rush.
 */
export async function signedInResidents(
  db: Db,
  organizationId: string,
  count: number,
  name: (i: number) => string,
): Promise<RushPerson[]> {
  const passwordHash = await hashPassword(randomBytes(12).toString('hex'));
  const people: RushPerson[] = [];
  for (let i = 0; i < count; i += 500) {
    const made = await db
      .insert(users)
      .values(
        Array.from({ length: Math.min(500, count - i) }, (_, j) => {
          const email = `rush-${i + j}-${randomBytes(3).toString('hex')}@bench.example`;
          return {
            email,
            emailNormalized: email,
            passwordHash,
            displayName: name(i + j),
            locale: 'ko',
            emailVerifiedAt: new Date(),
          };
        }),
      )
      .returning({ id: users.id });
    await db
      .insert(memberships)
      .values(made.map((u) => ({ organizationId, userId: u.id, role: 'resident' })));
    for (const u of made) {
      const session = await createSession(db, { userId: u.id, organizationId, days: 1 });
      people.push({ cookie: `${SESSION_COOKIE}=${session.token}`, csrf: session.csrfToken });
    }
  }
  return people;
}

/**
 * Everyone POSTs at once (person i sends body(i)), each with an Idempotency-Key of their own, from a
 * worker thread (rush-client.ts): each answer's status (0 when the connection failed: counted, never
 * retried) and time.
 */
export function fireAtOnce(
  url: string,
  people: RushPerson[],
  body: (i: number) => string,
): Promise<{ statuses: number[]; latencies: number[]; seconds: number }> {
  const bodies = people.map((_, i) => body(i));
  const worker = new Worker(new URL('./rush-client.ts', import.meta.url), {
    workerData: { url, people, bodies },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (m) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
