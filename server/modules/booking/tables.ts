import { inArray } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { AUDIENCES, BOOKING_STATUSES, RESOURCE_KINDS } from '../../../contracts/booking.ts';
import { users } from '../../platform/auth/tables.ts';
import { organizations } from '../../platform/tenants/tables.ts';

// Booking tables; db/migrations/0120_booking_resources.sql is the source of truth (with the
// exclusion constraint that refuses overlapping active bookings, which Drizzle cannot declare).

/** A PostgreSQL tstzrange, read and written as its text ('[2026-01-01 10:00:00+09,…)'). */
const tstzrange = customType<{ data: string }>({ dataType: () => 'tstzrange' });

const organizationId = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });
const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const bookingPlaces = pgTable(
  'booking_places',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    code: text('code').notNull(),
    nameKo: text('name_ko').notNull(),
    nameEn: text('name_en').notNull(),
    address: text('address').notNull().default(''),
    descriptionKo: text('description_ko').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    isSample: boolean('is_sample').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.organizationId, t.code)],
);

export const bookingResources = pgTable(
  'booking_resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    placeId: uuid('place_id')
      .notNull()
      .references(() => bookingPlaces.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    nameKo: text('name_ko').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind', { enum: RESOURCE_KINDS }).notNull(),
    capacity: integer('capacity').notNull(),
    audience: text('audience', { enum: AUDIENCES }).notNull(),
    slotMinutes: integer('slot_minutes').notNull().default(60),
    maxMinutesPerDay: integer('max_minutes_per_day').notNull().default(180),
    maxBookingsPerWeek: integer('max_bookings_per_week').notNull().default(2),
    opensDaysAhead: integer('opens_days_ahead').notNull().default(30),
    closesMinutesBefore: integer('closes_minutes_before').notNull().default(60),
    approvalNeeded: boolean('approval_needed').notNull().default(false),
    cancelDeadlineMinutes: integer('cancel_deadline_minutes').notNull().default(60),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    unique().on(t.organizationId, t.code),
    index('booking_resources_place').on(t.organizationId, t.placeId, t.sortOrder),
    check('booking_resources_kind_check', inArray(t.kind, [...RESOURCE_KINDS])),
    check('booking_resources_audience_check', inArray(t.audience, [...AUDIENCES])),
  ],
);

export const bookingOpeningHours = pgTable(
  'booking_opening_hours',
  {
    organizationId: organizationId(),
    placeId: uuid('place_id')
      .notNull()
      .references(() => bookingPlaces.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    opens: time('opens').notNull(),
    closes: time('closes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.placeId, t.weekday] })],
);

export const bookingClosedDates = pgTable(
  'booking_closed_dates',
  {
    organizationId: organizationId(),
    placeId: uuid('place_id')
      .notNull()
      .references(() => bookingPlaces.id, { onDelete: 'cascade' }),
    closedOn: date('closed_on', { mode: 'string' }).notNull(),
    reasonKo: text('reason_ko').notNull().default(''),
    reasonEn: text('reason_en').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.placeId, t.closedOn] })],
);

export const bookingBookings = pgTable(
  'booking_bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => bookingResources.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    period: tstzrange('period').notNull(),
    status: text('status', { enum: BOOKING_STATUSES }).notNull(),
    purpose: text('purpose').notNull(),
    people: integer('people').notNull().default(1),
    isSample: boolean('is_sample').notNull().default(false),
    cancelReason: text('cancel_reason'),
    cancelledBy: uuid('cancelled_by').references(() => users.id, { onDelete: 'set null' }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [check('booking_bookings_status_check', inArray(t.status, [...BOOKING_STATUSES]))],
);
