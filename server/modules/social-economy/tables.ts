import { inArray } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { CERTIFICATIONS, ENTERPRISE_KINDS } from '../../../contracts/social-economy.ts';
import { organizations } from '../../platform/tenants/tables.ts';

// The enterprise registry (사회적경제기업); db/migrations/0041_social_economy_enterprises.sql is the
// source of truth.
export { CERTIFICATIONS, ENTERPRISE_KINDS };
export type EnterpriseKind = (typeof ENTERPRISE_KINDS)[number];
export type Certification = (typeof CERTIFICATIONS)[number];

export const seEnterprises = pgTable(
  'se_enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind').$type<EnterpriseKind>().notNull(),
    certification: text('certification').$type<Certification>(),
    district: text('district').notNull(),
    field: text('field').notNull(),
    employees: integer('employees').notNull().default(0),
    isSample: boolean('is_sample').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.organizationId, t.name),
    check('se_enterprises_kind_check', inArray(t.kind, [...ENTERPRISE_KINDS])),
    check('se_enterprises_certification_check', inArray(t.certification, [...CERTIFICATIONS])),
  ],
);
