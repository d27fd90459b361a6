import { sql } from 'drizzle-orm';
import { boolean, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

// db/migrations/0001_platform_core.sql is the source of truth.
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    nameKo: text('name_ko').notNull(),
    nameEn: text('name_en').notNull(),
    host: text('host').unique(),
    isDefault: boolean('is_default').notNull().default(false),
    requireStaffTwoFactor: boolean('require_staff_two_factor').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // At most one default organization.
  (t) => [uniqueIndex('organizations_one_default').on(t.isDefault).where(sql`${t.isDefault}`)],
);
export type Organization = typeof organizations.$inferSelect;
