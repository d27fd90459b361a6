import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ENTERPRISE_KINDS } from '../../../contracts/social-economy.ts';

// The enterprise registry (사회적경제기업); db/migrations/0041_social_economy_enterprises.sql creates it.
export { ENTERPRISE_KINDS };
export type EnterpriseKind = (typeof ENTERPRISE_KINDS)[number];
export const CERTIFICATIONS = [
  'certified',
  'pre_certified',
  'general_cooperative',
  'social_cooperative',
  'designated',
  'approved',
] as const;
export type Certification = (typeof CERTIFICATIONS)[number];

export const seEnterprises = pgTable('se_enterprises', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: uuid('organization_id').notNull(),
  name: text('name').notNull(),
  kind: text('kind').$type<EnterpriseKind>().notNull(),
  certification: text('certification').$type<Certification>(),
  district: text('district').notNull(),
  field: text('field').notNull(),
  employees: integer('employees').notNull().default(0),
  isSample: boolean('is_sample').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
