import { inArray, sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  ACTIVE_REGISTRATION_STATUSES,
  PROGRAM_AREAS,
  PROGRAM_KINDS,
  REGISTRATION_MODES,
  REGISTRATION_STATUSES,
} from '../../../../contracts/booking-programs.ts';
import { users } from '../../../platform/auth/tables.ts';
import { organizations } from '../../../platform/tenants/tables.ts';
import { bookingResources, newCheckinCode } from '../tables.ts';

// Programs, sessions, registrations and lottery draws; db/migrations/0121_booking_programs.sql is the
// source of truth (its range checks are not repeated here).

const organizationId = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const bookingPrograms = pgTable(
  'booking_programs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    code: text('code').notNull(),
    area: text('area', { enum: PROGRAM_AREAS }).notNull(),
    kind: text('kind', { enum: PROGRAM_KINDS }).notNull(),
    titleKo: text('title_ko').notNull(),
    titleEn: text('title_en').notNull(),
    descriptionKo: text('description_ko').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    minAge: integer('min_age'),
    maxAge: integer('max_age'),
    residentsOnly: boolean('residents_only').notNull().default(false),
    role: text('role'),
    mode: text('mode', { enum: REGISTRATION_MODES }).notNull().default('first_come'),
    opensAt: instant('opens_at').notNull(),
    closesAt: instant('closes_at').notNull(),
    capacity: integer('capacity').notNull(),
    completionPercent: integer('completion_percent'),
    offerHours: integer('offer_hours').notNull().default(48),
    inputDigest: text('input_digest'),
    /** What a held town hall or forum decided, written by staff afterwards (migration 0125). */
    minutes: text('minutes'),
    /** The same minutes in English, optional (migration 0128). */
    minutesEn: text('minutes_en'),
    minutesPublishedAt: instant('minutes_published_at'),
    isSample: boolean('is_sample').notNull().default(false),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.organizationId, t.code),
    index('booking_programs_list').on(t.organizationId, t.area, t.kind, t.opensAt),
    check('booking_programs_area_check', inArray(t.area, [...PROGRAM_AREAS])),
    check('booking_programs_kind_check', inArray(t.kind, [...PROGRAM_KINDS])),
    check('booking_programs_mode_check', inArray(t.mode, [...REGISTRATION_MODES])),
  ],
);

export const bookingProgramSessions = pgTable(
  'booking_program_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    programId: uuid('program_id')
      .notNull()
      .references(() => bookingPrograms.id, { onDelete: 'cascade' }),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    resourceId: uuid('resource_id').references(() => bookingResources.id, { onDelete: 'set null' }),
    address: text('address').notNull().default(''),
    online: boolean('online').notNull().default(false),
  },
  (t) => [index('booking_program_sessions_program').on(t.programId, t.startsAt)],
);

export const bookingRegistrations = pgTable(
  'booking_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    programId: uuid('program_id')
      .notNull()
      .references(() => bookingPrograms.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: REGISTRATION_STATUSES }).notNull(),
    queueNumber: integer('queue_number'),
    offeredUntil: instant('offered_until'),
    /** What the session QR holds and staff may type (migration 0127). */
    checkinCode: text('checkin_code').$defaultFn(newCheckinCode),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('booking_registrations_checkin_code').on(t.organizationId, t.checkinCode),
    uniqueIndex('booking_registrations_active')
      .on(t.programId, t.userId)
      .where(sql`status in ${sql.raw(`(${ACTIVE_REGISTRATION_STATUSES.map((s) => `'${s}'`).join(', ')})`)}`),
    index('booking_registrations_user').on(t.userId),
    index('booking_registrations_waiting').on(t.programId, t.queueNumber).where(sql`status = 'waiting'`),
    check('booking_registrations_status_check', inArray(t.status, [...REGISTRATION_STATUSES])),
  ],
);

export const bookingLotteryDraws = pgTable('booking_lottery_draws', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: organizationId(),
  programId: uuid('program_id')
    .notNull()
    .unique()
    .references(() => bookingPrograms.id, { onDelete: 'cascade' }),
  seed: text('seed').notNull(),
  inputDigest: text('input_digest').notNull(),
  result: jsonb('result').notNull(),
  drawnAt: instant('drawn_at').notNull().defaultNow(),
  drawnBy: uuid('drawn_by').references(() => users.id, { onDelete: 'set null' }),
});

// Attendance, certificates and surveys: db/migrations/0124_booking_attendance.sql.

export const bookingAttendance = pgTable(
  'booking_attendance',
  {
    organizationId: organizationId(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => bookingProgramSessions.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => bookingRegistrations.id, { onDelete: 'cascade' }),
    present: boolean('present').notNull(),
    markedAt: instant('marked_at').notNull().defaultNow(),
    markedBy: uuid('marked_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.registrationId] }),
    index('booking_attendance_registration').on(t.registrationId),
  ],
);

export const bookingCertificates = pgTable(
  'booking_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    registrationId: uuid('registration_id')
      .notNull()
      .unique()
      .references(() => bookingRegistrations.id, { onDelete: 'cascade' }),
    number: text('number').notNull(),
    issuedAt: instant('issued_at').notNull().defaultNow(),
  },
  (t) => [unique().on(t.organizationId, t.number)],
);

export const bookingSurveys = pgTable(
  'booking_surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    programId: uuid('program_id')
      .notNull()
      .references(() => bookingPrograms.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .unique()
      .references(() => bookingRegistrations.id, { onDelete: 'cascade' }),
    overall: integer('overall').notNull(),
    recommend: boolean('recommend').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('booking_surveys_program').on(t.programId)],
);
