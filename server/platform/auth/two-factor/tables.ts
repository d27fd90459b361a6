import { bigint, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The last TOTP time step accepted for a person: codes at or before it are replays. */
export const totpLastSteps = pgTable('totp_last_steps', {
  userId: uuid('user_id').primaryKey(),
  timeStep: bigint('time_step', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Wrong codes given for one pending login (a `two_factor_pending` session). */
export const twoFactorLoginFailures = pgTable('two_factor_login_failures', {
  sessionId: text('session_id').primaryKey(),
  failures: integer('failures').notNull().default(0),
});
