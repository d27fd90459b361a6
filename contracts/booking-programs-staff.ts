import { z } from 'zod';
import { ProgramArea, ProgramKind, RegistrationMode, RegistrationStatus } from './booking-programs.ts';
import { queryInt } from './common.ts';

// What staff pages of programs read beyond the public view (issue 10, session management and the
// lottery): a program's fields in both languages to edit it, and the draw's order with masked names.

/** A program as staff edit it: every field ProgramBody takes, sessions with their ids. */
export const StaffProgramEdit = z.object({
  id: z.uuid(),
  code: z.string(),
  area: ProgramArea,
  kind: ProgramKind,
  titleKo: z.string(),
  titleEn: z.string(),
  descriptionKo: z.string(),
  descriptionEn: z.string(),
  minAge: z.number().int().nullable(),
  maxAge: z.number().int().nullable(),
  residentsOnly: z.boolean(),
  role: z.string().nullable(),
  mode: RegistrationMode,
  opensAt: z.string(),
  closesAt: z.string(),
  capacity: z.number().int(),
  completionPercent: z.number().int().nullable(),
  offerHours: z.number().int(),
  /** Once the lottery's digest is published the mode can no longer change. */
  modeLocked: z.boolean(),
  sessions: z.array(
    z.object({
      id: z.uuid(),
      startsAt: z.string(),
      endsAt: z.string(),
      resourceId: z.uuid().nullable(),
      address: z.string(),
      online: z.boolean(),
    }),
  ),
});
export type StaffProgramEdit = z.infer<typeof StaffProgramEdit>;

export const DRAW_LISTS = ['winners', 'waiting'] as const;
export const DrawListQuery = z.strictObject({
  list: z.enum(DRAW_LISTS).optional(),
  limit: queryInt(1, 100).optional(),
  /** How many of the list to skip: the draw's order is fixed, so an offset pages it exactly. */
  offset: queryInt(0, 1_000_000).optional(),
});

/** One page of the draw's winners or waiting list, in drawn order, names masked (홍*동). */
export const DrawList = z.object({
  seed: z.string(),
  algorithm: z.string(),
  inputDigest: z.string(),
  drawnAt: z.string(),
  seats: z.number().int(),
  applicants: z.number().int(),
  winners: z.number().int(),
  waiting: z.number().int(),
  list: z.enum(DRAW_LISTS),
  items: z.array(
    z.object({
      /** 1-based place in the drawn order of this list. */
      rank: z.number().int(),
      /** Masked display name; null for a deleted account or a sample entry without one. */
      name: z.string().nullable(),
      /** Where the person is now (a winner may have cancelled since, a waiting person been offered). */
      status: RegistrationStatus,
    }),
  ),
  nextOffset: z.number().int().nullable(),
});
export type DrawList = z.infer<typeof DrawList>;
