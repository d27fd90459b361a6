import { bigint, date, integer, jsonb, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

// Administration (행정) tables; db/migrations/0040_administration.sql creates them.
export interface Duty {
  ko: string;
  en: string;
}

export const adminTeams = pgTable('admin_teams', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: uuid('organization_id').notNull(),
  code: text('code').notNull(),
  nameKo: text('name_ko').notNull(),
  nameEn: text('name_en').notNull(),
  duties: jsonb('duties').$type<Duty[]>().notNull(),
  position: integer('position').notNull().default(0),
});

export const adminStaffing = pgTable(
  'admin_staffing',
  {
    organizationId: uuid('organization_id').notNull(),
    year: integer('year').notNull(),
    category: text('category').$type<'general' | 'management' | 'special'>().notNull(),
    grade: integer('grade').notNull(),
    authorised: integer('authorised').notNull(),
    current: integer('current').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.year, t.category, t.grade] })],
);

export const adminFacilities = pgTable('admin_facilities', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: uuid('organization_id').notNull(),
  code: text('code').notNull(),
  nameKo: text('name_ko').notNull(),
  nameEn: text('name_en').notNull(),
  address: text('address').notNull(),
  floorAreaM2: numeric('floor_area_m2'),
  landAreaM2: numeric('land_area_m2'),
  teamId: uuid('team_id'),
  notesKo: text('notes_ko'),
  notesEn: text('notes_en'),
  position: integer('position').notNull().default(0),
});

export const adminFacilityFloors = pgTable(
  'admin_facility_floors',
  {
    facilityId: uuid('facility_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    floor: integer('floor').notNull(),
    areaM2: numeric('area_m2'),
  },
  (t) => [primaryKey({ columns: [t.facilityId, t.floor] })],
);

export const adminFacilitySpaces = pgTable('admin_facility_spaces', {
  id: uuid('id').primaryKey().defaultRandom(),
  facilityId: uuid('facility_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  position: integer('position').notNull(),
  floor: integer('floor'),
  nameKo: text('name_ko').notNull(),
  nameEn: text('name_en').notNull(),
  areaM2: numeric('area_m2'),
});

export const adminEquipment = pgTable('admin_equipment', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: uuid('organization_id').notNull(),
  code: text('code').notNull(),
  kind: text('kind').$type<'vehicle' | 'other'>().notNull(),
  nameKo: text('name_ko').notNull(),
  nameEn: text('name_en').notNull(),
  model: text('model'),
  registeredOn: date('registered_on', { mode: 'string' }),
  purposeKo: text('purpose_ko'),
  purposeEn: text('purpose_en'),
});

export const adminBudgetUnits = pgTable('admin_budget_units', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: uuid('organization_id').notNull(),
  year: integer('year').notNull(),
  code: text('code').notNull(),
  nameKo: text('name_ko').notNull(),
  nameEn: text('name_en').notNull(),
  amountWon: bigint('amount_won', { mode: 'number' }).notNull(),
  previousAmountWon: bigint('previous_amount_won', { mode: 'number' }).notNull(),
  position: integer('position').notNull().default(0),
});

export const adminPlanItems = pgTable('admin_plan_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: uuid('organization_id').notNull(),
  year: integer('year').notNull(),
  kind: text('kind').$type<'plan' | 'key_project'>().notNull(),
  number: integer('number').notNull(),
  titleKo: text('title_ko').notNull(),
  titleEn: text('title_en').notNull(),
  teamId: uuid('team_id'),
  periodStart: date('period_start', { mode: 'string' }).notNull(),
  periodEnd: date('period_end', { mode: 'string' }).notNull(),
  nationalWon: bigint('national_won', { mode: 'number' }).notNull(),
  cityWon: bigint('city_won', { mode: 'number' }).notNull(),
  districtWon: bigint('district_won', { mode: 'number' }).notNull(),
  totalWon: bigint('total_won', { mode: 'number' }).notNull(),
});

export type TargetUnit =
  | 'times'
  | 'enterprises'
  | 'places'
  | 'projects'
  | 'departments'
  | 'members'
  | 'items';
export type TargetPer = 'year' | 'quarter' | 'total';
export type TargetComparison = 'at_least' | 'at_most' | 'exactly';

export const adminPlanTargets = pgTable('admin_plan_targets', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: uuid('organization_id').notNull(),
  planItemId: uuid('plan_item_id').notNull(),
  position: integer('position').notNull(),
  descriptionKo: text('description_ko').notNull(),
  descriptionEn: text('description_en').notNull(),
  targetCount: integer('target_count').notNull(),
  unit: text('unit').$type<TargetUnit>().notNull(),
  per: text('per').$type<TargetPer>().notNull(),
  comparison: text('comparison').$type<TargetComparison>().notNull(),
});
