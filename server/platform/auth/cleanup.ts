import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../db/connect.ts';
import { purgeExpiredIdempotencyKeys } from '../idempotency/store.ts';
import { defineJob } from '../jobs/boss.ts';

async function deleted(db: DbOrTx, statement: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with d as (${statement} returning 1) select count(*)::int as n from d`,
  );
  return row.n;
}

/**
 * Removes what has expired: sessions, link tokens a week after they ended, login failures older
 * than the throttling window needs, unfinished OIDC sign-ins, Idempotency-Key answers after 24 hours.
 * Keeping them would only keep personal data.
 */
export async function purgeExpiredAuthData(db: DbOrTx, now = new Date()): Promise<Record<string, number>> {
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const dayAgo = new Date(now.getTime() - 86_400_000);
  return {
    sessions: await deleted(db, sql`delete from sessions where expires_at < ${now}`),
    tokens: await deleted(db, sql`delete from auth_tokens where expires_at < ${weekAgo}`),
    loginFailures: await deleted(db, sql`delete from login_failures where at < ${dayAgo}`),
    oidcAttempts: await deleted(db, sql`delete from oidc_login_attempts where expires_at < ${now}`),
    twoFactorFailures: await deleted(
      db,
      sql`delete from two_factor_login_failures f where not exists (select 1 from sessions s where s.id = f.session_id)`,
    ),
    idempotencyKeys: await purgeExpiredIdempotencyKeys(db, now),
  };
}

export const purgeExpiredJob = defineJob(
  'auth.purge-expired',
  async (_data, env) => {
    await purgeExpiredAuthData(env.db);
  },
  { cron: '17 * * * *' },
);
