import { inArray } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  EQUIPMENT_KINDS,
  PLAN_ITEM_KINDS,
  STAFF_CATEGORIES,
  TARGET_COMPARISONS,
  TARGET_PERS,
  TARGET_UNITS,
} from '../../../contracts/administration.ts';
import { organizations } from '../../platform/tenants/tables.ts';

// Administration (행정) tables; db/migrations/0040_administration.sql is the source of truth.
export interface Duty {
  ko: string;
  en: string;
}

const organizationId = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

export const adminTeams = pgTable(
  'admin_teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    code: text('code').notNull(),
    nameKo: text('name_ko').notNull(),
    nameEn: text('name_en').notNull(),
    duties: jsonb('duties').$type<Duty[]>().notNull().default([]),
    position: integer('position').notNull().default(0),
  },
  (t) => [unique().on(t.organizationId, t.code)],
);

export const adminStaffing = pgTable(
  'admin_staffing',
  {
    organizationId: organizationId(),
    year: integer('year').notNull(),
    category: text('category').$type<(typeof STAFF_CATEGORIES)[number]>().notNull(),
    grade: integer('grade').notNull(),
    authorised: integer('authorised').notNull(),
    current: integer('current').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.year, t.category, t.grade] }),
    check('admin_staffing_category_check', inArray(t.category, [...STAFF_CATEGORIES])),
  ],
);

export const adminFacilities = pgTable(
  'admin_facilities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    code: text('code').notNull(),
    nameKo: text('name_ko').notNull(),
    nameEn: text('name_en').notNull(),
    address: text('address').notNull(),
    floorAreaM2: numeric('floor_area_m2', { precision: 10, scale: 2 }),
    landAreaM2: numeric('land_area_m2', { precision: 10, scale: 2 }),
    teamId: uuid('team_id').references(() => adminTeams.id, { onDelete: 'set null' }),
    notesKo: text('notes_ko'),
    notesEn: text('notes_en'),
    position: integer('position').notNull().default(0),
  },
  (t) => [unique().on(t.organizationId, t.code)],
);

export const adminFacilityFloors = pgTable(
  'admin_facility_floors',
  {
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => adminFacilities.id, { onDelete: 'cascade' }),
    organizationId: organizationId(),
    floor: integer('floor').notNull(),
    areaM2: numeric('area_m2', { precision: 10, scale: 2 }),
  },
  (t) => [primaryKey({ columns: [t.facilityId, t.floor] })],
);

export const adminFacilitySpaces = pgTable(
  'admin_facility_spaces',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => adminFacilities.id, { onDelete: 'cascade' }),
    organizationId: organizationId(),
    position: integer('position').notNull(),
    floor: integer('floor'),
    nameKo: text('name_ko').notNull(),
    nameEn: text('name_en').notNull(),
    areaM2: numeric('area_m2', { precision: 10, scale: 2 }),
  },
  (t) => [unique().on(t.facilityId, t.position)],
);

export const adminEquipment = pgTable(
  'admin_equipment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    code: text('code').notNull(),
    kind: text('kind').$type<(typeof EQUIPMENT_KINDS)[number]>().notNull(),
    nameKo: text('name_ko').notNull(),
    nameEn: text('name_en').notNull(),
    model: text('model'),
    registeredOn: date('registered_on', { mode: 'string' }),
    purposeKo: text('purpose_ko'),
    purposeEn: text('purpose_en'),
  },
  (t) => [
    unique().on(t.organizationId, t.code),
    check('admin_equipment_kind_check', inArray(t.kind, [...EQUIPMENT_KINDS])),
  ],
);

export const adminBudgetUnits = pgTable(
  'admin_budget_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    year: integer('year').notNull(),
    code: text('code').notNull(),
    nameKo: text('name_ko').notNull(),
    nameEn: text('name_en').notNull(),
    amountWon: bigint('amount_won', { mode: 'number' }).notNull(),
    previousAmountWon: bigint('previous_amount_won', { mode: 'number' }).notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [unique().on(t.organizationId, t.year, t.code)],
);

export const adminPlanItems = pgTable(
  'admin_plan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    year: integer('year').notNull(),
    kind: text('kind').$type<(typeof PLAN_ITEM_KINDS)[number]>().notNull(),
    number: integer('number').notNull(),
    titleKo: text('title_ko').notNull(),
    titleEn: text('title_en').notNull(),
    teamId: uuid('team_id').references(() => adminTeams.id, { onDelete: 'set null' }),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    nationalWon: bigint('national_won', { mode: 'number' }).notNull().default(0),
    cityWon: bigint('city_won', { mode: 'number' }).notNull().default(0),
    districtWon: bigint('district_won', { mode: 'number' }).notNull().default(0),
    totalWon: bigint('total_won', { mode: 'number' }).notNull(),
  },
  (t) => [
    unique().on(t.organizationId, t.year, t.kind, t.number),
    check('admin_plan_items_kind_check', inArray(t.kind, [...PLAN_ITEM_KINDS])),
  ],
);

export type TargetUnit = (typeof TARGET_UNITS)[number];
export type TargetPer = (typeof TARGET_PERS)[number];
export type TargetComparison = (typeof TARGET_COMPARISONS)[number];

export const adminPlanTargets = pgTable(
  'admin_plan_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    planItemId: uuid('plan_item_id')
      .notNull()
      .references(() => adminPlanItems.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    descriptionKo: text('description_ko').notNull(),
    descriptionEn: text('description_en').notNull(),
    targetCount: integer('target_count').notNull(),
    unit: text('unit').$type<TargetUnit>().notNull(),
    per: text('per').$type<TargetPer>().notNull(),
    comparison: text('comparison').$type<TargetComparison>().notNull(),
  },
  (t) => [
    unique().on(t.planItemId, t.position),
    check('admin_plan_targets_unit_check', inArray(t.unit, [...TARGET_UNITS])),
    check('admin_plan_targets_per_check', inArray(t.per, [...TARGET_PERS])),
    check('admin_plan_targets_comparison_check', inArray(t.comparison, [...TARGET_COMPARISONS])),
  ],
);
