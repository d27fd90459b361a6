import { sql } from 'drizzle-orm';
import { boolean, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../../platform/auth/tables.ts';
import { organizations } from '../../../platform/tenants/tables.ts';

// db/migrations/0080_youth_profiles.sql is the source of truth (it also holds the trigger that
// deletes a profile when its consent is withdrawn).
export const youthProfiles = pgTable(
  'youth_profiles',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    regionCode: text('region_code').notNull(),
    employment: text('employment'),
    education: text('education'),
    major: text('major'),
    specialGroups: text('special_groups').array(),
    married: boolean('married'),
    annualIncome: integer('annual_income'),
    interests: text('interests').array().notNull().default(sql`'{}'`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId] })],
);
export type YouthProfileRow = typeof youthProfiles.$inferSelect;
