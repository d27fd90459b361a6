import { z } from 'zod';
import { ROLE_NAMES } from './auth.ts';
import { queryInt } from './common.ts';
import { text } from './text.ts';

// Programs and events with sessions and registration (강좌·행사 신청, issue 10): courses, briefings,
// town halls… with a capacity, eligibility, a registration window, first-come or lottery (추첨)
// registration, and a waiting list that offers freed seats with a deadline to confirm.

/** Which part of the administration runs the program (a label, not a link to another module). */
export const PROGRAM_AREAS = ['youth', 'social-economy', 'governance'] as const;
export const ProgramArea = z.enum(PROGRAM_AREAS);
export type ProgramArea = z.infer<typeof ProgramArea>;

export const PROGRAM_KINDS = [
  'course',
  'academy',
  'job_fair',
  'briefing',
  'education',
  'network_meeting',
  'seminar',
  'festival',
  'town_hall',
  'forum',
] as const;
export const ProgramKind = z.enum(PROGRAM_KINDS);
export type ProgramKind = z.infer<typeof ProgramKind>;

export const REGISTRATION_MODES = ['first_come', 'lottery'] as const;
export const RegistrationMode = z.enum(REGISTRATION_MODES);
export type RegistrationMode = z.infer<typeof RegistrationMode>;

/**
 * applied: a lottery entry before the draw; confirmed: holds a seat; waiting: in line; offered: a
 * freed seat is held until offeredUntil; cancelled: withdrawn; lost: let an offer lapse.
 */
export const REGISTRATION_STATUSES = [
  'applied',
  'confirmed',
  'waiting',
  'offered',
  'cancelled',
  'lost',
] as const;
export const RegistrationStatus = z.enum(REGISTRATION_STATUSES);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;
/** The statuses of a registration still in play: one of them per person and program at most. */
export const ACTIVE_REGISTRATION_STATUSES = ['applied', 'confirmed', 'waiting', 'offered'] as const;

const Instant = z.iso.datetime({ offset: true });

export const SessionBody = z
  .strictObject({
    startsAt: Instant,
    endsAt: Instant,
    /** A bookable room of the booking module, or an address, or online (at least one). */
    resourceId: z.uuid().nullable().default(null),
    address: text({ max: 200 }).default(''),
    online: z.boolean().default(false),
  })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), {
    path: ['endsAt'],
    params: { messageKey: 'field.program_session_order' },
  })
  .refine((s) => s.resourceId !== null || s.address !== '' || s.online, {
    path: ['address'],
    params: { messageKey: 'field.program_session_place' },
  });
export type SessionBody = z.infer<typeof SessionBody>;

export const ProgramBody = z
  .strictObject({
    code: z.string().regex(/^[a-z0-9-]{1,60}$/),
    area: ProgramArea,
    kind: ProgramKind,
    titleKo: text({ min: 1, max: 120 }),
    titleEn: text({ min: 1, max: 120 }),
    descriptionKo: text({ max: 4000, multiline: true }).default(''),
    descriptionEn: text({ max: 4000, multiline: true }).default(''),
    minAge: z.number().int().min(1).max(120).nullable().default(null),
    maxAge: z.number().int().min(1).max(120).nullable().default(null),
    residentsOnly: z.boolean().default(false),
    role: z.enum(ROLE_NAMES).nullable().default(null),
    mode: RegistrationMode.default('first_come'),
    opensAt: Instant,
    closesAt: Instant,
    capacity: z.number().int().min(1).max(100000),
    /** Courses: the share of sessions attended that completes the course. */
    completionPercent: z.number().int().min(1).max(100).nullable().default(null),
    /** How long a person offered a freed seat has to confirm it. */
    offerHours: z.number().int().min(1).max(336).default(48),
    sessions: z.array(SessionBody).min(1).max(100),
  })
  .refine((p) => Date.parse(p.closesAt) > Date.parse(p.opensAt), {
    path: ['closesAt'],
    params: { messageKey: 'field.program_window_order' },
  })
  .refine((p) => p.minAge === null || p.maxAge === null || p.minAge <= p.maxAge, {
    path: ['maxAge'],
    params: { messageKey: 'field.program_age_order' },
  });
export type ProgramBody = z.infer<typeof ProgramBody>;

export const Session = z.object({
  id: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
  resourceId: z.uuid().nullable(),
  /** The room's name when it is a booking resource, else the address; '' when online only. */
  place: z.string(),
  online: z.boolean(),
});
export type Session = z.infer<typeof Session>;

export const ProgramSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  area: ProgramArea,
  kind: ProgramKind,
  title: z.string(),
  mode: RegistrationMode,
  opensAt: z.string(),
  closesAt: z.string(),
  capacity: z.number().int(),
  seatsLeft: z.number().int(),
  /** Seats held (confirmed or offered). */
  registered: z.number().int(),
  waiting: z.number().int(),
  firstSession: z.string().nullable(),
  lastSession: z.string().nullable(),
  sample: z.boolean(),
});
export type ProgramSummary = z.infer<typeof ProgramSummary>;

export const Program = ProgramSummary.extend({
  description: z.string(),
  minAge: z.number().int().nullable(),
  maxAge: z.number().int().nullable(),
  residentsOnly: z.boolean(),
  role: z.string().nullable(),
  completionPercent: z.number().int().nullable(),
  offerHours: z.number().int(),
  /** The lottery's published input digest (SHA-256 hex), once applications closed. */
  inputDigest: z.string().nullable(),
  drawn: z.boolean(),
  sessions: z.array(Session),
  /** The outcome staff published after it was held (town halls, forums): text, and when. */
  minutes: z.string().nullable(),
  /** The same minutes in English, when staff wrote them (the page falls back to the Korean). */
  minutesEn: z.string().nullable(),
  minutesPublishedAt: z.string().nullable(),
});
export type Program = z.infer<typeof Program>;

export const MINUTES_MAX = 20_000;
export const MinutesBody = z.strictObject({
  minutes: text({ min: 10, max: MINUTES_MAX, multiline: true }),
  /** Optional English minutes; left out or empty, the page shows the Korean ones. */
  minutesEn: z.union([z.literal(''), text({ min: 10, max: MINUTES_MAX, multiline: true })]).nullish(),
});
export type MinutesBody = z.infer<typeof MinutesBody>;
export const MinutesAnswer = z.object({ minutesPublishedAt: z.string() });

export const ProgramList = z.object({ items: z.array(ProgramSummary), nextCursor: z.string().nullable() });
export type ProgramList = z.infer<typeof ProgramList>;

export const ProgramsQuery = z.strictObject({
  area: ProgramArea.optional(),
  kind: ProgramKind.optional(),
  /** Past programs too (by default only those whose last session has not ended). */
  past: z.enum(['true', 'false']).optional(),
  limit: queryInt(1, 100).optional(),
  cursor: text({ max: 400, trim: false }).optional(),
});

export const ProgramIdParams = z.strictObject({ id: z.uuid() });

export const RegisterBody = z
  .strictObject({
    /** Self-declared for age-limited programs (checked at the door); never stored. */
    birthDate: z.iso.date().optional(),
  })
  .default({});
export type RegisterBody = z.infer<typeof RegisterBody>;

export const MyRegistration = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  programTitle: z.string(),
  status: RegistrationStatus,
  /** 1-based place in the waiting list while waiting. */
  position: z.number().int().nullable(),
  offeredUntil: z.string().nullable(),
  createdAt: z.string(),
  /** Sessions attended so far, for a confirmed seat (null otherwise). */
  progress: z
    .object({
      attended: z.number().int(),
      sessions: z.number().int(),
      /** Sessions needed to complete a course (null: the program has no completion rule). */
      required: z.number().int().nullable(),
      completed: z.boolean(),
    })
    .nullable(),
  /** The satisfaction survey: open to an attendee once the last session has ended, answered once. */
  survey: z.enum(['none', 'open', 'answered']),
  /** A confirmed seat's check-in QR, on the Korean day of a session not yet ended (null otherwise). */
  checkin: z
    .object({
      code: z.string(),
      sessionId: z.uuid(),
      startsAt: z.string(),
      endsAt: z.string(),
      place: z.string(),
    })
    .nullable(),
});
export type MyRegistration = z.infer<typeof MyRegistration>;
export const MyRegistrationList = z.object({ items: z.array(MyRegistration) });

export const StaffRegistration = z.object({
  id: z.uuid(),
  userId: z.uuid().nullable(),
  name: z.string().nullable(),
  status: RegistrationStatus,
  position: z.number().int().nullable(),
  offeredUntil: z.string().nullable(),
  createdAt: z.string(),
  /** Sessions this person was marked present at. */
  attended: z.number().int(),
});
export type StaffRegistration = z.infer<typeof StaffRegistration>;
export const StaffRegistrationList = z.object({
  items: z.array(StaffRegistration),
  nextCursor: z.string().nullable(),
});
export type StaffRegistrationList = z.infer<typeof StaffRegistrationList>;

/** Staff lists of a program's people: seats held (and lottery entries), the waiting list in order, or all. */
export const REGISTRANT_LISTS = ['registered', 'waiting', 'all'] as const;
export const StaffRegistrationsQuery = z.strictObject({
  list: z.enum(REGISTRANT_LISTS).optional(),
  limit: queryInt(1, 100).optional(),
  cursor: text({ max: 400, trim: false }).optional(),
});

export const SessionParams = z.strictObject({ id: z.uuid(), sessionId: z.uuid() });
export const RegistrationParams = z.strictObject({ id: z.uuid(), registrationId: z.uuid() });

/** A session's roll: the people holding a seat, present, absent or not marked yet (null). */
export const RollCall = z.object({
  session: Session,
  items: z.array(
    z.object({ registrationId: z.uuid(), name: z.string().nullable(), present: z.boolean().nullable() }),
  ),
  nextCursor: z.string().nullable(),
});
export type RollCall = z.infer<typeof RollCall>;

/** Staff check a person in to a session by the code of their QR (scanned or typed). */
export const SessionCheckinResult = z.object({
  registrationId: z.uuid(),
  name: z.string().nullable(),
  programTitle: z.string(),
  sessionId: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
});
export type SessionCheckinResult = z.infer<typeof SessionCheckinResult>;
export const RollCallQuery = z.strictObject({
  limit: queryInt(1, 200).optional(),
  cursor: text({ max: 400, trim: false }).optional(),
});

export const AttendanceBody = z.strictObject({
  marks: z
    .array(z.strictObject({ registrationId: z.uuid(), present: z.boolean() }))
    .min(1)
    .max(200),
});
export type AttendanceBody = z.infer<typeof AttendanceBody>;
export const AttendanceAnswer = z.object({ present: z.number().int(), absent: z.number().int() });

export const SURVEY_COMMENT_MAX = 1000;
export const SurveyBody = z.strictObject({
  /** Overall satisfaction, 1 (very unsatisfied) to 5 (very satisfied). */
  overall: z.number().int().min(1).max(5),
  recommend: z.boolean(),
  comment: text({ max: SURVEY_COMMENT_MAX, multiline: true }).default(''),
});
export type SurveyBody = z.infer<typeof SurveyBody>;

/** The survey's answers for staff, without names: counts, the average, and the comments (newest 50). */
export const SurveyResults = z.object({
  responses: z.number().int(),
  attendees: z.number().int(),
  average: z.number().nullable(),
  /** Answers per score, 1 to 5. */
  distribution: z.array(z.number().int()).length(5),
  recommend: z.number().int(),
  comments: z.array(z.string()),
});
export type SurveyResults = z.infer<typeof SurveyResults>;

/** Programs held in a year by kind: what the administration's plan targets are measured from. */
export interface ProgramCount {
  kind: ProgramKind;
  /** Programs with at least one session held in the year. */
  programs: number;
  /** Sessions held (ended) in the year. */
  sessions: number;
  /** People marked present at least once at those sessions. */
  attendees: number;
}

export const DigestAnswer = z.object({ inputDigest: z.string(), applicants: z.number().int() });

export const DrawBody = z.strictObject({ seed: text({ min: 1, max: 200 }) });

/** Everything needed to re-run the draw with lottery.ts: applicants are registration ids. */
export const Draw = z.object({
  programId: z.uuid(),
  algorithm: z.string(),
  seed: z.string(),
  seats: z.number().int(),
  inputDigest: z.string(),
  applicants: z.array(z.object({ id: z.string(), appliedAt: z.string() })),
  winners: z.array(z.string()),
  waitingList: z.array(z.string()),
  drawnAt: z.string(),
});
export type Draw = z.infer<typeof Draw>;
