import { and, eq, lte } from 'drizzle-orm';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { defineJob, type Jobs } from '../../../platform/jobs/boss.ts';
import { settle } from './commands.ts';
import { findProgram } from './queries.ts';
import { bookingRegistrations } from './tables.ts';

export const EXPIRE_OFFERS_JOB = 'booking.program_offers_expire';

/**
 * Offers whose deadline passed go to the next person even when nobody touches the program: each
 * program with a lapsed offer is settled under its row lock, as a register or cancel would.
 */
export async function expireLapsedOffers(db: Db, env: { jobs: Jobs; config?: Config }, now = new Date()) {
  // tenant-scope: a sweep over every organization; each program is then settled in its own one
  const due = await db
    .selectDistinct({
      organizationId: bookingRegistrations.organizationId,
      programId: bookingRegistrations.programId,
    })
    .from(bookingRegistrations)
    .where(and(eq(bookingRegistrations.status, 'offered'), lte(bookingRegistrations.offeredUntil, now)));
  for (const d of due)
    await db.transaction(async (tx) => {
      const program = await findProgram(tx, d.organizationId, d.programId, true);
      await settle(
        tx,
        { organizationId: d.organizationId, actor: { userId: null }, jobs: env.jobs, config: env.config },
        program,
        now,
      );
    });
  return { programs: due.length };
}

// Every five minutes: an offer is held for hours, so a few minutes late changes nothing that matters.
export const expireOffersJob = defineJob(
  EXPIRE_OFFERS_JOB,
  async (_data, env) => {
    await expireLapsedOffers(env.db, env);
  },
  { cron: '*/5 * * * *' },
);
