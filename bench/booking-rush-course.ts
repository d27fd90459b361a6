import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { ensureOrganization } from '../seed/builders/organization.ts';
import { buildApp } from '../server/app.ts';
import { installAllModules } from '../server/composition.ts';
import { loadConfig } from '../server/config.ts';
import {
  bookingProgramSessions,
  bookingPrograms,
  bookingRegistrations,
} from '../server/modules/booking/programs/tables.ts';
import { type Database, type Db, openDatabase } from '../server/platform/db/connect.ts';
import { migrate } from '../server/platform/db/migrate.ts';
import { createJobs } from '../server/platform/jobs/boss.ts';
import { type BenchDb, freshPostgres, round3 } from './harness.ts';
import { fireAtOnce, percentile, type RushPerson, signedInResidents } from './rush.ts';

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
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hamkke-course-'));
  const pgDb = opts.db === 'postgres' && opts.postgresUrl ? await freshPostgres(opts.postgresUrl) : null;
  const config = loadConfig({
    HAMKKE_LOG_LEVEL: 'silent',
    HAMKKE_SECRET_KEY: randomBytes(32).toString('base64'),
    HAMKKE_RATE_LIMIT_PER_MINUTE: '100000000',
    HAMKKE_DEMO: '0',
    ...(pgDb ? { DATABASE_URL: pgDb.url } : { HAMKKE_DATA_DIR: path.join(tmp, 'pglite') }),
  });
  const database: Database = await openDatabase(config, 'bench booking-rush-course');
  try {
    await migrate(database.db);
    const started = Date.now();
    const { programId, people } = await prepare(database.db, opts.clients, opts.seats);
    opts.log(
      `${opts.db}: ${opts.clients} people signed in in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    const jobs = createJobs(database, config, pgDb?.url);
    await jobs.start();
    const app = await buildApp({ config, database, jobs, logger: false });
    let result: Awaited<ReturnType<typeof rush>>;
    try {
      await app.listen({ port: 0, host: '127.0.0.1', backlog: 8192 });
      result = await rush(
        `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
        programId,
        people,
      );
    } finally {
      await app.close();
      await jobs.stop();
    }
    const trivial = await trivialCeiling(database.db, opts.clients);
    const rows = await database.db
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
    await database.close();
    await pgDb?.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
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
