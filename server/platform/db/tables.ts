import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// db/migrations/0001_platform_core.sql. Seeds that ran once (the demo's marker): a start in demo mode
// loads the demo only when its marker is missing. Written by seed/demo.ts.
export const seedMarkers = pgTable('seed_markers', {
  name: text('name').primaryKey(),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
});
