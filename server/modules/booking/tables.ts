import { randomBytes } from 'node:crypto';
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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { APPEAL_STATUSES, AUDIENCES, BOOKING_STATUSES, RESOURCE_KINDS } from '../../../contracts/booking.ts';
import { users } from '../../platform/auth/tables.ts';
import { organizations } from '../../platform/tenants/tables.ts';

// Booking tables; db/migrations/0120_booking_resources.sql is the source of truth (with the
// exclusion constraint that refuses overlapping active bookings, which Drizzle cannot declare).

/** A PostgreSQL tstzrange, read and written as its text ('[2026-01-01 10:00:00+09,…)'). */
const tstzrange = customType<{ data: string }>({ dataType: () => 'tstzrange' });

/** 32 letters and digits, none easily misread for another (no 0/O, no 1/I). */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random check-in code of ten characters (50 bits): what the QR holds and staff may type. */
export function newCheckinCode(): string {
  const bytes = randomBytes(10);
  let out = '';
  for (const b of bytes) out += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return out;
}

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
    /** Not checked in this many minutes after the start: a no-show (migration 0122). */
    noShowMinutes: integer('no_show_minutes').notNull().default(10),
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
    // Check-in, no-shows and reminders (migration 0122). Every new row gets a random check-in code.
    checkinCode: text('checkin_code').$defaultFn(newCheckinCode),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true, mode: 'date' }),
    checkedInBy: uuid('checked_in_by').references(() => users.id, { onDelete: 'set null' }),
    noShowAt: timestamp('no_show_at', { withTimezone: true, mode: 'date' }),
    remindedDayAt: timestamp('reminded_day_at', { withTimezone: true, mode: 'date' }),
    remindedHourAt: timestamp('reminded_hour_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    check('booking_bookings_status_check', inArray(t.status, [...BOOKING_STATUSES])),
    uniqueIndex('booking_bookings_checkin_code').on(t.organizationId, t.checkinCode),
  ],
);

/** Two no-shows in 30 days suspend a person's booking for 30 days; they may appeal (migration 0123). */
export const bookingSuspensions = pgTable(
  'booking_suspensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }).notNull(),
    noShows: integer('no_shows').notNull(),
    liftedAt: timestamp('lifted_at', { withTimezone: true, mode: 'date' }),
    liftedBy: uuid('lifted_by').references(() => users.id, { onDelete: 'set null' }),
    appealText: text('appeal_text'),
    appealedAt: timestamp('appealed_at', { withTimezone: true, mode: 'date' }),
    appealStatus: text('appeal_status', { enum: APPEAL_STATUSES }),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('booking_suspensions_user').on(t.organizationId, t.userId, t.endsAt),
    check('booking_suspensions_appeal_status_check', inArray(t.appealStatus, [...APPEAL_STATUSES])),
  ],
);
