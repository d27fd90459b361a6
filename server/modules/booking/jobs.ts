import { sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import { type Db, queryRows } from '../../platform/db/connect.ts';
import { defineJob, type Jobs } from '../../platform/jobs/boss.ts';
import { enqueueNotification } from '../../platform/notify/index.ts';
import { BOOKING_CHANGED, BOOKING_REMINDER } from './notify.ts';
import { suspensionsOf } from './queries.ts';
import { NO_SHOW_WINDOW_DAYS, seoulClock, suspensionDue } from './rules.ts';
import { bookingBookings, bookingPlaces, bookingResources, bookingSuspensions } from './tables.ts';

// Two recurring jobs of the rooms: the no-show sweep (and the suspensions it leads to) and the
// reminders. Each marks its rows in the same statement that picks them, inside the transaction that
// queues the notices, so a job that runs twice (or twice at once) never marks or tells anyone twice.

export const NO_SHOWS_JOB = 'booking.no_shows';
export const REMINDERS_JOB = 'booking.reminders';

interface JobEnvLike {
  jobs: Jobs;
  config?: Config;
}

/** 'M월 D일 HH:mm' and 'D Mon, HH:mm' of an instant, Korean time. */
function whenText(at: Date): { ko: string; en: string } {
  const { date, minute } = seoulClock(at);
  const [, m, d] = date.split('-').map(Number);
  const hhmm = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1];
  return { ko: `${m}월 ${d}일 ${hhmm}`, en: `${d} ${month}, ${hhmm}` };
}

interface MarkedRow extends Record<string, unknown> {
  id: string;
  organization_id: string;
  user_id: string;
  start: string;
  resource_ko: string;
  resource_en: string;
  place_ko: string;
  place_en: string;
}

/**
 * Marks as no-shows the confirmed bookings (made with a check-in code) not checked in by their
 * resource's cut-off, over the last day; tells each person, and suspends those who now have two
 * no-shows within 30 days (told too, with the end date and how to appeal).
 */
export async function markNoShows(db: Db, env: JobEnvLike, now = new Date()) {
  const nowIso = now.toISOString();
  const marked = await db.transaction(async (tx) => {
    // tenant-scope: a sweep over every organization; each row names its own
    const rows = await queryRows<MarkedRow>(
      tx,
      sql`update ${bookingBookings} b set no_show_at = ${nowIso}::timestamptz
          from ${bookingResources} r join ${bookingPlaces} p on p.id = r.place_id
          where r.id = b.resource_id and b.status = 'confirmed' and b.checked_in_at is null
            and b.no_show_at is null and b.checkin_code is not null and b.user_id is not null
            and lower(b.period) + make_interval(mins => r.no_show_minutes) < ${nowIso}::timestamptz
            and lower(b.period) > ${nowIso}::timestamptz - interval '1 day'
          returning b.id, b.organization_id, b.user_id, lower(b.period)::text as start,
            r.name_ko as resource_ko, r.name_en as resource_en, p.name_ko as place_ko, p.name_en as place_en`,
    );
    for (const r of rows) {
      const when = whenText(new Date(r.start));
      await enqueueNotification(
        tx,
        {
          organizationId: r.organization_id,
          userId: r.user_id,
          kind: BOOKING_CHANGED,
          title: {
            ko: '예약한 공간에 입실하지 않아 노쇼로 처리되었습니다.',
            en: 'You did not check in, so your booking counts as a no-show.',
          },
          body: {
            ko: `${when.ko} ${r.place_ko} ${r.resource_ko}. 30일 안에 노쇼가 2번이면 30일 동안 예약할 수 없습니다. 오지 못할 때는 미리 취소해 주십시오.`,
            en: `${when.en}, ${r.resource_en} at ${r.place_en}. Two no-shows within 30 days suspend booking for 30 days. Please cancel ahead when you cannot come.`,
          },
          link: '/booking/mine',
        },
        env.jobs,
      );
    }
    return rows;
  });
  const people = new Map(marked.map((r) => [`${r.organization_id}:${r.user_id}`, r]));
  let suspended = 0;
  for (const r of people.values())
    if (await suspendIfDue(db, env, r.organization_id, r.user_id, now)) suspended++;
  return { noShows: marked.length, suspended };
}

/** Suspends the person when the rules say their no-shows now call for it (one at a time per person). */
async function suspendIfDue(db: Db, env: JobEnvLike, organizationId: string, userId: string, now: Date) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`booking-suspend:${userId}`}, 0))`);
    const since = new Date(now.getTime() - NO_SHOW_WINDOW_DAYS * 86_400_000).toISOString();
    // tenant-scope: filtered by organization_id in the SQL below
    const starts = await queryRows<{ start: string }>(
      tx,
      sql`select lower(period)::text as start from ${bookingBookings}
          where organization_id = ${organizationId} and user_id = ${userId} and no_show_at is not null
            and lower(period) > ${since}::timestamptz`,
    );
    const suspensions = await suspensionsOf(tx, organizationId, userId);
    const due = suspensionDue(
      starts.map((s) => new Date(s.start)),
      suspensions,
      now,
    );
    if (!due) return false;
    const [row] = await tx
      .insert(bookingSuspensions)
      .values({
        organizationId,
        userId,
        startsAt: now,
        endsAt: due.endsAt,
        noShows: due.noShows,
        createdAt: now,
      })
      .returning({ id: bookingSuspensions.id });
    await writeAudit(
      tx,
      { actor: { userId: null }, organizationId, config: env.config },
      {
        action: 'booking.suspend',
        targetType: 'booking.suspension',
        targetId: row.id,
        data: { noShows: due.noShows, endsAt: due.endsAt.toISOString() },
      },
    );
    const until = seoulClock(due.endsAt).date;
    await enqueueNotification(
      tx,
      {
        organizationId,
        userId,
        kind: BOOKING_CHANGED,
        title: {
          ko: `${until}까지 공간 예약이 정지되었습니다.`,
          en: `Your booking is suspended until ${until}.`,
        },
        body: {
          ko: `최근 30일 동안 예약하고 입실하지 않은 일이 ${due.noShows}번 있었습니다. 사정이 있었다면 내 예약에서 이의를 신청할 수 있습니다.`,
          en: `You booked and did not come ${due.noShows} times in the last 30 days. If there was a reason, you can appeal under My bookings.`,
        },
        link: '/booking/mine',
      },
      env.jobs,
    );
    return true;
  });
}

/**
 * Queues the reminders due now: the day before (24 hours to an hour before the start) and the hour
 * before, each once per booking (the column is set in the statement that picks the row), and never
 * for a booking made inside that reminder's window.
 */
export async function sendReminders(db: Db, env: JobEnvLike, now = new Date()) {
  const nowIso = now.toISOString();
  return db.transaction(async (tx) => {
    const pick = (which: 'day' | 'hour') => {
      const column = which === 'day' ? sql.raw('reminded_day_at') : sql.raw('reminded_hour_at');
      const [from, to] = which === 'day' ? ['1 hour', '24 hours'] : ['0 seconds', '1 hour'];
      // tenant-scope: a sweep over every organization; each row names its own
      return queryRows<MarkedRow>(
        tx,
        sql`update ${bookingBookings} b set ${column} = ${nowIso}::timestamptz
            from ${bookingResources} r join ${bookingPlaces} p on p.id = r.place_id
            where r.id = b.resource_id and b.status = 'confirmed' and b.user_id is not null
              and b.${column} is null
              and lower(b.period) > ${nowIso}::timestamptz + ${from}::interval
              and lower(b.period) <= ${nowIso}::timestamptz + ${to}::interval
              and b.created_at < lower(b.period) - ${to}::interval
            returning b.id, b.organization_id, b.user_id, lower(b.period)::text as start,
              r.name_ko as resource_ko, r.name_en as resource_en, p.name_ko as place_ko, p.name_en as place_en`,
      );
    };
    // The hour-before first: a booking in its last hour gets that one, not a late day-before notice.
    const hour = await pick('hour');
    const day = await pick('day');
    for (const [rows, soon] of [
      [hour, true],
      [day, false],
    ] as const)
      for (const r of rows) {
        const when = whenText(new Date(r.start));
        await enqueueNotification(
          tx,
          {
            organizationId: r.organization_id,
            userId: r.user_id,
            kind: BOOKING_REMINDER,
            title: soon
              ? { ko: '한 시간 뒤 공간 예약이 있습니다.', en: 'Your booking starts within the hour.' }
              : { ko: '내일 공간 예약이 있습니다.', en: 'You have a booking tomorrow.' },
            body: {
              ko: `${when.ko} ${r.place_ko} ${r.resource_ko}. 입실할 때 내 예약의 QR 코드를 보여 주십시오. 오지 못하면 미리 취소해 주십시오.`,
              en: `${when.en}, ${r.resource_en} at ${r.place_en}. Show the QR code under My bookings when you arrive. If you cannot come, please cancel ahead.`,
            },
            link: '/booking/mine',
          },
          env.jobs,
        );
      }
    return { day: day.length, hour: hour.length };
  });
}

// Every five minutes: the no-show cut-off is 10 minutes after the start, reminders are hours ahead.
export const noShowsJob = defineJob(
  NO_SHOWS_JOB,
  async (_data, env) => {
    await markNoShows(env.db, env);
  },
  { cron: '*/5 * * * *' },
);

export const remindersJob = defineJob(
  REMINDERS_JOB,
  async (_data, env) => {
    await sendReminders(env.db, env);
  },
  { cron: '*/5 * * * *' },
);
