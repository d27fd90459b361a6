import { bigint, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sessions, users } from '../tables.ts';

// db/migrations/0060_two_factor.sql and 0066_two_factor_account_throttle.sql are the source of truth.
/** The last TOTP time step accepted for a person: codes at or before it are replays. */
export const totpLastSteps = pgTable('totp_last_steps', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  timeStep: bigint('time_step', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Wrong codes given for one pending login (a `two_factor_pending` session). */
export const twoFactorLoginFailures = pgTable('two_factor_login_failures', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  failures: integer('failures').notNull().default(0),
});

/** Second-step code attempts per account, with its lock (db/migrations/0066). */
export const twoFactorThrottle = pgTable('two_factor_throttle', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  attempts: integer('attempts').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lockouts: integer('lockouts').notNull().default(0),
});
