import { sql } from 'drizzle-orm';
import { ensureOrganization } from '../seed/builders/organization.ts';
import { installAllModules } from '../server/composition.ts';
import {
  bookingBookings,
  bookingOpeningHours,
  bookingPlaces,
  bookingResources,
} from '../server/modules/booking/tables.ts';
import { type Db, queryRows } from '../server/platform/db/connect.ts';
import { addDays, isHoliday, todayInSeoul } from '../server/platform/time/index.ts';
import { type BenchDb, round3 } from './harness.ts';
import { fireAtOnce, percentile, type RushPerson, signedInResidents } from './rush.ts';
import { type RushServer, rushDatabase } from './rush-db.ts';

// Booking benchmark 1, a rush on one room: 2,000 signed-in people each try to book one of the same
// 50 one-hour slots at the same instant (40 per slot), over real HTTP with an Idempotency-Key each.
// Goal: exactly 50 confirmed, no two active rows overlapping in the database, no 5xx. The people and
// their sessions are made in the database first; Node's fetch opens a socket per request in flight.
// BENCH_RUSH_SERVER picks the server (child, in-process; default both, see measureRush).

export interface RushMeasurement {
  bench: 'booking-rush-room';
  db: BenchDb;
  server: RushServer;
  clients: number;
  slots: number;
  confirmed: number;
  refused409: number;
  other4xx: number;
  errors5xx: number;
  /** Requests whose connection failed (no HTTP answer at all). */
  networkErrors: number;
  overlaps: number;
  activeRows: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  seconds: number;
  perSecond: number;
}

const HOUR = 3_600_000;

/** The first `count` one-hour slots, 08:00–22:00 Korean time, from three days ahead, skipping holidays. */
function slotStarts(count: number): Date[] {
  const out: Date[] = [];
  for (let d = addDays(todayInSeoul(), 3); out.length < count; d = addDays(d, 1)) {
    if (isHoliday(d, { outsideTable: 'solar-only' })) continue;
    for (let h = 8; h < 22 && out.length < count; h++)
      out.push(new Date(`${d}T${String(h).padStart(2, '0')}:00:00+09:00`));
  }
  return out;
}

/** The room, its hours, and `clients` people of the organization, each with a session of their own. */
async function prepare(db: Db, clients: number) {
  const org = await ensureOrganization(db);
  const organizationId = org.id;
  const [place] = await db
    .insert(bookingPlaces)
    .values({ organizationId, code: 'rush', nameKo: '벤치마크 공간', nameEn: 'Bench place' })
    .returning({ id: bookingPlaces.id });
  await db.insert(bookingOpeningHours).values(
    [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
      organizationId,
      placeId: place.id,
      weekday,
      opens: '08:00',
      closes: '22:00',
    })),
  );
  const [room] = await db
    .insert(bookingResources)
    .values({
      organizationId,
      placeId: place.id,
      code: 'rush-room',
      nameKo: '인기 교육실',
      nameEn: 'Popular room',
      kind: 'room',
      capacity: 30,
      audience: 'residents',
      maxBookingsPerWeek: 10,
    })
    .returning({ id: bookingResources.id });
  const people = await signedInResidents(db, organizationId, clients, (i) => `신청자 ${i}`);
  return { roomId: room.id, people };
}

/** Everyone at once: person i wants slot i mod the slot count. */
function rush(base: string, roomId: string, people: RushPerson[], slots: number) {
  const starts = slotStarts(slots);
  return fireAtOnce(`${base}/api/v1/booking/bookings`, people, (i) => {
    const start = starts[i % starts.length];
    return JSON.stringify({
      resourceId: roomId,
      start: start.toISOString(),
      end: new Date(start.getTime() + HOUR).toISOString(),
      purpose: '개강 첫날 예약',
      people: 1,
    });
  });
}

async function audit(db: Db, roomId: string) {
  const [row] = await queryRows<{ active: number; overlaps: number }>(
    db,
    sql`select
          (select count(*)::int from ${bookingBookings} where resource_id = ${roomId}
             and status in ('requested', 'confirmed', 'blocked')) as active,
          (select count(*)::int from ${bookingBookings} a join ${bookingBookings} b
             on a.resource_id = b.resource_id and a.id < b.id and a.period && b.period
           where a.resource_id = ${roomId}
             and a.status in ('requested', 'confirmed', 'blocked')
             and b.status in ('requested', 'confirmed', 'blocked')) as overlaps`,
  );
  return { active: Number(row.active), overlaps: Number(row.overlaps) };
}

/**
 * One rush on one engine. `child`: the real server (server/main.ts, as `npm start` runs it) in its
 * own process on data prepared beforehand. `in-process`: the app listening inside this process with a
 * listen backlog of 8,192 (Node's default is 511); the clients run in a worker thread (rush.ts).
 */
export async function measureRush(opts: {
  db: BenchDb;
  server: RushServer;
  postgresUrl?: string;
  clients: number;
  slots: number;
  log: (line: string) => void;
}): Promise<RushMeasurement> {
  const rushDb = await rushDatabase(opts.db, opts.postgresUrl, 'bench booking-rush-room');
  try {
    const started = Date.now();
    const { roomId, people } = await prepare(rushDb.db, opts.clients);
    opts.log(
      `${opts.db}: ${opts.clients} people signed in in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    const result = await rushDb.serve(opts.server, (base) => rush(base, roomId, people, opts.slots));
    const check = await audit(rushDb.db, roomId);
    const sorted = [...result.latencies].sort((a, b) => a - b);
    const { statuses } = result;
    return {
      bench: 'booking-rush-room',
      db: opts.db,
      server: opts.server,
      clients: opts.clients,
      slots: opts.slots,
      confirmed: statuses.filter((x) => x === 200).length,
      refused409: statuses.filter((x) => x === 409).length,
      other4xx: statuses.filter((x) => x >= 400 && x < 500 && x !== 409).length,
      errors5xx: statuses.filter((x) => x >= 500).length,
      networkErrors: statuses.filter((x) => x === 0).length,
      overlaps: check.overlaps,
      activeRows: check.active,
      p50Ms: round3(percentile(sorted, 50)),
      p99Ms: round3(percentile(sorted, 99)),
      maxMs: round3(sorted.at(-1) ?? 0),
      seconds: round3(result.seconds),
      perSecond: round3(opts.clients / result.seconds),
    };
  } finally {
    await rushDb.dispose();
  }
}

export async function runBookingRushBench(opts: {
  engines: BenchDb[];
  postgresUrl?: string;
  log: (line: string) => void;
}): Promise<void> {
  installAllModules();
  const clients = Number(process.env.BENCH_RUSH_CLIENTS ?? 2000);
  const slots = Number(process.env.BENCH_RUSH_SLOTS ?? 50);
  const servers = (process.env.BENCH_RUSH_SERVER ?? 'child,in-process').split(',').map((x) => x.trim());
  for (const server of servers)
    if (server !== 'child' && server !== 'in-process')
      throw new Error(`BENCH_RUSH_SERVER: unknown ${server}`);
  for (const db of opts.engines) {
    if (db === 'postgres' && !opts.postgresUrl) {
      opts.log('note: no DATABASE_URL or TEST_DATABASE_URL, so the PostgreSQL rush is left out');
      continue;
    }
    for (const server of servers as RushServer[]) {
      const m = await measureRush({
        db,
        server,
        postgresUrl: opts.postgresUrl,
        clients,
        slots,
        log: opts.log,
      });
      opts.log(JSON.stringify(m));
    }
  }
}
