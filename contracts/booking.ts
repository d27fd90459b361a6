import { z } from 'zod';
import { ImageRef } from './media.ts';
import { CursorParam } from './paging.ts';
import { text } from './text.ts';

// Booking rooms, desks and the vehicle (공간 예약, issue 10): places, their bookable resources with
// the rules staff set, free slots, bookings and staff blocks. Times are instants (ISO 8601 with an
// offset); days are Korean calendar days (Asia/Seoul).

export const RESOURCE_KINDS = ['room', 'desk', 'vehicle'] as const;
export const ResourceKind = z.enum(RESOURCE_KINDS);
export type ResourceKind = z.infer<typeof ResourceKind>;

/** Who may book: any signed-in resident, young people, social-economy enterprises, or staff only. */
export const AUDIENCES = ['residents', 'youth', 'enterprises', 'staff'] as const;
export const Audience = z.enum(AUDIENCES);
export type Audience = z.infer<typeof Audience>;

/** A staff block (maintenance, an event) is a row of its own status, so the same rule refuses overlap. */
export const BOOKING_STATUSES = ['requested', 'confirmed', 'cancelled', 'blocked'] as const;
export const BookingStatus = z.enum(BOOKING_STATUSES);
export type BookingStatus = z.infer<typeof BookingStatus>;
/** The statuses that hold their period: no two of them may overlap on one resource. */
export const ACTIVE_BOOKING_STATUSES = ['requested', 'confirmed', 'blocked'] as const;

/** An appeal against a booking suspension: waiting for staff, or decided either way. */
export const APPEAL_STATUSES = ['pending', 'lifted', 'rejected'] as const;
export const AppealStatus = z.enum(APPEAL_STATUSES);
export type AppealStatus = z.infer<typeof AppealStatus>;

const Day = z.iso.date();
const Instant = z.iso.datetime({ offset: true });

export const Place = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  address: z.string(),
  description: z.string(),
  sample: z.boolean(),
  /** Opening hours, Monday first: null on a day the place is closed. */
  hours: z.array(z.object({ weekday: z.number().int(), opens: z.string(), closes: z.string() })),
  /** Photos staff attached, in their order (at most six); left out where a read model has none to give. */
  photos: z.array(ImageRef).optional(),
});
export type Place = z.infer<typeof Place>;

export const Resource = z.object({
  id: z.uuid(),
  placeId: z.uuid(),
  placeName: z.string(),
  code: z.string(),
  name: z.string(),
  kind: ResourceKind,
  capacity: z.number().int(),
  audience: Audience,
  slotMinutes: z.number().int(),
  maxMinutesPerDay: z.number().int(),
  maxBookingsPerWeek: z.number().int(),
  opensDaysAhead: z.number().int(),
  closesMinutesBefore: z.number().int(),
  approvalNeeded: z.boolean(),
  cancelDeadlineMinutes: z.number().int(),
  /** Not checked in this many minutes after the start: a no-show. */
  noShowMinutes: z.number().int(),
  /** Photos of the resource, in their order (at most six); on the slots page the place's when it has none. */
  photos: z.array(ImageRef).optional(),
});
export type Resource = z.infer<typeof Resource>;

export const PlaceWithResources = Place.extend({ resources: z.array(Resource) });
export type PlaceWithResources = z.infer<typeof PlaceWithResources>;
export const PlaceList = z.object({ items: z.array(PlaceWithResources) });
export type PlaceList = z.infer<typeof PlaceList>;

export const IdParams = z.strictObject({ id: z.uuid() });

export const SlotsQuery = z.strictObject({
  date: Day,
  /** 1 for a day view, 7 for a week. */
  days: z
    .string()
    .regex(/^(1|7)$/)
    .transform(Number)
    .optional(),
});

/** Why a slot cannot be booked: taken, out of the booking window, or already past. */
export const SLOT_STATES = ['free', 'taken', 'closed'] as const;
export const Slot = z.object({ start: z.string(), end: z.string(), state: z.enum(SLOT_STATES) });
export type Slot = z.infer<typeof Slot>;
export const SlotDay = z.object({
  date: z.string(),
  /** Why the whole day is shut (a holiday's or closed day's name), when it is. */
  closedReason: z.string().nullable(),
  slots: z.array(Slot),
});
export type SlotDay = z.infer<typeof SlotDay>;
export const Slots = z.object({ resource: Resource, days: z.array(SlotDay) });
export type Slots = z.infer<typeof Slots>;

export const BookingBody = z.strictObject({
  resourceId: z.uuid(),
  start: Instant,
  end: Instant,
  purpose: text({ min: 1, max: 200 }),
  people: z.number().int().min(1).max(1000),
});
export type BookingBody = z.infer<typeof BookingBody>;

/** Staff book for a person of the organization, named by their email. */
export const StaffBookingBody = BookingBody.extend({ email: z.email().max(254) });
export type StaffBookingBody = z.infer<typeof StaffBookingBody>;

export const Booking = z.object({
  id: z.uuid(),
  resourceId: z.uuid(),
  resourceName: z.string(),
  placeName: z.string(),
  start: z.string(),
  end: z.string(),
  status: BookingStatus,
  purpose: z.string(),
  people: z.number().int(),
  sample: z.boolean(),
  /** Whether the person may still cancel it themselves (before the deadline). */
  cancellable: z.boolean(),
  cancelReason: z.string().nullable(),
  createdAt: z.string(),
  /** The code the QR holds (shown to the owner while the booking is confirmed and not yet over). */
  checkinCode: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  noShow: z.boolean(),
  /** Whether staff may check it in now (confirmed, not yet, inside the check-in window). */
  checkinOpen: z.boolean(),
});
export type Booking = z.infer<typeof Booking>;
export const BookingList = z.object({ items: z.array(Booking) });
export type BookingList = z.infer<typeof BookingList>;

/** What staff see: the booking and who made it (read access is logged). */
export const StaffBooking = Booking.extend({ bookedBy: z.string().nullable() });
export type StaffBooking = z.infer<typeof StaffBooking>;
export const StaffBookingList = z.object({ items: z.array(StaffBooking) });
export type StaffBookingList = z.infer<typeof StaffBookingList>;

export const StaffBookingsQuery = z.strictObject({
  from: Day.optional(),
  days: z
    .string()
    .regex(/^\d{1,2}$/)
    .transform(Number)
    .optional(),
});

export const CancelBody = z.strictObject({ reason: text({ min: 1, max: 300 }) });
export type CancelBody = z.infer<typeof CancelBody>;

export const BlockBody = z.strictObject({
  resourceId: z.uuid(),
  start: Instant,
  end: Instant,
  reason: text({ min: 1, max: 200 }),
});
export type BlockBody = z.infer<typeof BlockBody>;

/** The 409's details when the period is taken: the nearest free slots of the same length. */
export const SlotConflict = z.object({ nearest: z.array(z.object({ start: z.string(), end: z.string() })) });
export type SlotConflict = z.infer<typeof SlotConflict>;

/** Staff check a person in by the code of their QR (scanned or typed). */
export const CheckinBody = z.strictObject({
  code: text({ min: 1, max: 40 })
    .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
    .refine((s) => /^[A-Z2-9]{10}$/.test(s), { params: { messageKey: 'field.booking_checkin_code' } }),
});
export type CheckinBody = z.infer<typeof CheckinBody>;

/** What the check-in answers: whose booking, where and when (for staff to greet the person). */
export const CheckinResult = z.object({
  id: z.uuid(),
  bookedBy: z.string().nullable(),
  resourceName: z.string(),
  placeName: z.string(),
  start: z.string(),
  end: z.string(),
  checkedInAt: z.string(),
});
export type CheckinResult = z.infer<typeof CheckinResult>;

export const TodayQuery = z.strictObject({ placeId: z.uuid().optional() });

/** A person's booking suspension as they see it, with their appeal. */
export const Suspension = z.object({
  id: z.uuid(),
  endsAt: z.string(),
  /** The Korean day it ends (inclusive of that day's time shown in endsAt). */
  endsOn: z.string(),
  noShows: z.number().int(),
  appealText: z.string().nullable(),
  appealStatus: AppealStatus.nullable(),
  decisionReason: z.string().nullable(),
});
export type Suspension = z.infer<typeof Suspension>;
export const MySuspension = z.object({ suspension: Suspension.nullable() });
export type MySuspension = z.infer<typeof MySuspension>;

export const AppealBody = z.strictObject({ text: text({ min: 1, max: 1000 }) });
export type AppealBody = z.infer<typeof AppealBody>;

export const AppealDecisionBody = z.strictObject({ reason: text({ min: 1, max: 300 }) });
export type AppealDecisionBody = z.infer<typeof AppealDecisionBody>;

/** An appeal waiting for staff, with who wrote it (read access is logged). */
export const StaffAppeal = Suspension.extend({
  person: z.string().nullable(),
  appealedAt: z.string(),
  startsAt: z.string(),
});
export type StaffAppeal = z.infer<typeof StaffAppeal>;
export const StaffAppealList = z.object({ items: z.array(StaffAppeal), nextCursor: z.string().nullable() });
export const StaffAppealsQuery = z.strictObject({ cursor: CursorParam.optional() });
export type StaffAppealList = z.infer<typeof StaffAppealList>;
