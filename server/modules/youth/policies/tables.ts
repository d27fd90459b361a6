import { inArray, sql } from 'drizzle-orm';
import {
  check,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  APPLY_PERIOD_KINDS,
  type ApplyPeriodKind,
  POLICY_SOURCES,
  type PolicySource,
  type PolicyWorkflowStatus,
  WORKFLOW_STATUSES,
} from '../../../../contracts/youth-policies.ts';
import { users } from '../../../platform/auth/tables.ts';
import { tsvector } from '../../../platform/db/columns.ts';
import { organizations } from '../../../platform/tenants/tables.ts';

// The youth policy catalogue; db/migrations/0070_youth_policies.sql (and 0110) are the source of truth.
export const youthPolicies = pgTable(
  'youth_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    externalId: text('external_id'),
    source: text('source').$type<PolicySource>().notNull(),
    status: text('status').$type<PolicyWorkflowStatus>().notNull().default('draft'),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    supportContent: text('support_content').notNull().default(''),
    fieldMajor: text('field_major').notNull().default(''),
    fieldMinor: text('field_minor').notNull().default(''),
    fields: text('fields').array().notNull().default([]),
    keywords: text('keywords').array().notNull().default([]),
    operator: text('operator').notNull().default(''),
    supervisor: text('supervisor').notNull().default(''),
    applyPeriodKind: text('apply_period_kind').$type<ApplyPeriodKind>().notNull().default('dates'),
    businessPeriodKind: text('business_period_kind'),
    businessStartsOn: date('business_starts_on'),
    businessEndsOn: date('business_ends_on'),
    businessPeriodOther: text('business_period_other').notNull().default(''),
    howToApply: text('how_to_apply').notNull().default(''),
    reviewMethod: text('review_method').notNull().default(''),
    documents: text('documents').notNull().default(''),
    otherNotes: text('other_notes').notNull().default(''),
    applicationUrl: text('application_url').notNull().default(''),
    referenceUrls: text('reference_urls').array().notNull().default([]),
    supportScale: text('support_scale').notNull().default(''),
    minAge: integer('min_age').notNull().default(0),
    maxAge: integer('max_age').notNull().default(0),
    regionCodes: text('region_codes').array().notNull().default([]),
    employmentCodes: text('employment_codes').array().notNull().default([]),
    educationCodes: text('education_codes').array().notNull().default([]),
    majorCodes: text('major_codes').array().notNull().default([]),
    specialGroupCodes: text('special_group_codes').array().notNull().default([]),
    maritalCodes: text('marital_codes').array().notNull().default([]),
    incomeCondition: text('income_condition'),
    incomeMin: integer('income_min').notNull().default(0),
    incomeMax: integer('income_max').notNull().default(0),
    incomeOther: text('income_other'),
    additionalConditions: text('additional_conditions').notNull().default(''),
    excludedTargets: text('excluded_targets').notNull().default(''),
    sourceRecord: jsonb('source_record').$type<Record<string, string>>(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
    sourceModifiedAt: timestamp('source_modified_at', { withTimezone: true }),
    tsv: tsvector('tsv').notNull().default(sql`''::tsvector`),
    initials: text('initials').notNull().default(''),
    // 0110: the rounds copied onto the policy (see status.ts roundColumns); initials' and title's pairs.
    roundStarts: date('round_starts').array().notNull().default([]),
    roundEnds: date('round_ends').array().notNull().default([]),
    roundLastEnd: date('round_last_end'),
    initialsTsv: tsvector('initials_tsv').generatedAlwaysAs(sql`youth_pairs_vector(initials)`),
    titlePairs: tsvector('title_pairs').generatedAlwaysAs(sql`youth_pairs_vector(lower(title))`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.organizationId, t.externalId),
    check('youth_policies_source_check', inArray(t.source, [...POLICY_SOURCES])),
    check('youth_policies_status_check', inArray(t.status, [...WORKFLOW_STATUSES])),
    check('youth_policies_apply_period_kind_check', inArray(t.applyPeriodKind, [...APPLY_PERIOD_KINDS])),
  ],
);

export const youthPolicyRounds = pgTable(
  'youth_policy_rounds',
  {
    policyId: uuid('policy_id')
      .notNull()
      .references(() => youthPolicies.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.policyId, t.startsOn, t.endsOn] })],
);

export const youthPolicyRevisions = pgTable(
  'youth_policy_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => youthPolicies.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    change: text('change').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.policyId, t.revision)],
);
