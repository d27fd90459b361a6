import { eq, sql } from 'drizzle-orm';
import { ensureOrganization } from '../seed/builders/organization.ts';
import { installAllModules } from '../server/composition.ts';
import {
  bookingProgramSessions,
  bookingPrograms,
  bookingRegistrations,
} from '../server/modules/booking/programs/tables.ts';
import type { Db } from '../server/platform/db/connect.ts';
import { type BenchDb, round3 } from './harness.ts';
import { fireAtOnce, percentile, type RushPerson, signedInResidents } from './rush.ts';
import { rushDatabase } from './rush-db.ts';

// Booking benchmark 2, a rush on a course: N signed-in people register for one first-come program of
// S seats at the same instant, over real HTTP (the app listening in this process) with an
// Idempotency-Key each. Goal: exactly S confirmed, the rest waiting with queue numbers 1…N−S in the
// order they passed the program's lock, no 5xx; throughput is set beside the database's ceiling for
// one trivial query per request (`select 1` through the same pool, as many at once).

export interface CourseRushMeasurement {
  bench: 'booking-rush-course';
  db: BenchDb;
  clients: number;
  seats: number;
  confirmed: number;
  waiting: number;
  /** Waiting rows whose queue numbers are not exactly 1…waiting in creation order. */
  outOfOrder: number;
  other4xx: number;
  errors5xx: number;
  networkErrors: number;
  p50Ms: number;
  p99Ms: number;
  seconds: number;
  perSecond: number;
  /** `select 1` per request, the same number at once: what the database alone allows. */
  trivialQueriesPerSecond: number;
}

const HOUR = 3_600_000;

async function prepare(db: Db, clients: number, seats: number) {
  const { id: organizationId } = await ensureOrganization(db);
  const [program] = await db
    .insert(bookingPrograms)
    .values({
      organizationId,
      code: 'rush-course',
      area: 'youth',
      kind: 'course',
      titleKo: '인기 강좌',
      titleEn: 'Popular course',
      opensAt: new Date(Date.now() - HOUR),
      closesAt: new Date(Date.now() + 24 * HOUR),
      capacity: seats,
    })
    .returning({ id: bookingPrograms.id });
  await db.insert(bookingProgramSessions).values({
    organizationId,
    programId: program.id,
    startsAt: new Date(Date.now() + 72 * HOUR),
    endsAt: new Date(Date.now() + 74 * HOUR),
    online: true,
  });
  const people = await signedInResidents(db, organizationId, clients, (i) => `수강 신청자 ${i}`);
  return { programId: program.id, people };
}

const rush = (base: string, programId: string, people: RushPerson[]) =>
  fireAtOnce(`${base}/api/v1/booking/programs/${programId}/registration`, people, () => '{}');

async function trivialCeiling(db: Db, count: number): Promise<number> {
  const t0 = performance.now();
  await Promise.all(Array.from({ length: count }, () => db.execute(sql`select 1`)));
  return count / ((performance.now() - t0) / 1000);
}

export async function measureCourseRush(opts: {
  db: BenchDb;
  postgresUrl?: string;
  clients: number;
  seats: number;
  log: (line: string) => void;
}): Promise<CourseRushMeasurement> {
  const rushDb = await rushDatabase(opts.db, opts.postgresUrl, 'bench booking-rush-course');
  try {
    const started = Date.now();
    const { programId, people } = await prepare(rushDb.db, opts.clients, opts.seats);
    opts.log(
      `${opts.db}: ${opts.clients} people signed in in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    const result = await rushDb.serve('in-process', (base) => rush(base, programId, people));
    const trivial = await trivialCeiling(rushDb.db, opts.clients);
    const rows = await rushDb.db
      .select({ status: bookingRegistrations.status, queueNumber: bookingRegistrations.queueNumber })
      .from(bookingRegistrations)
      .where(eq(bookingRegistrations.programId, programId))
      // One batch's rows share a statement: within it, the queue number is the order of arrival.
      .orderBy(bookingRegistrations.createdAt, bookingRegistrations.queueNumber);
    const waitingRows = rows.filter((r) => r.status === 'waiting');
    const sorted = [...result.latencies].sort((a, b) => a - b);
    const { statuses } = result;
    return {
      bench: 'booking-rush-course',
      db: opts.db,
      clients: opts.clients,
      seats: opts.seats,
      confirmed: rows.filter((r) => r.status === 'confirmed').length,
      waiting: waitingRows.length,
      outOfOrder: waitingRows.filter((r, i) => r.queueNumber !== i + 1).length,
      other4xx: statuses.filter((x) => x >= 400 && x < 500).length,
      errors5xx: statuses.filter((x) => x >= 500).length,
      networkErrors: statuses.filter((x) => x === 0).length,
      p50Ms: round3(percentile(sorted, 50)),
      p99Ms: round3(percentile(sorted, 99)),
      seconds: round3(result.seconds),
      perSecond: round3(opts.clients / result.seconds),
      trivialQueriesPerSecond: round3(trivial),
    };
  } finally {
    await rushDb.dispose();
  }
}

export async function runCourseRushBench(opts: {
  engines: BenchDb[];
  postgresUrl?: string;
  log: (line: string) => void;
}): Promise<void> {
  installAllModules();
  const clients = Number(process.env.BENCH_COURSE_CLIENTS ?? 5000);
  const seats = Number(process.env.BENCH_COURSE_SEATS ?? 100);
  for (const db of opts.engines) {
    if (db === 'postgres' && !opts.postgresUrl) {
      opts.log('note: no DATABASE_URL or TEST_DATABASE_URL, so the PostgreSQL course rush is left out');
      continue;
    }
    const m = await measureCourseRush({ db, postgresUrl: opts.postgresUrl, clients, seats, log: opts.log });
    opts.log(JSON.stringify(m));
  }
}
