import { z } from 'zod';
import { ResourceKind } from './booking.ts';
import { ResourceRulesBody } from './booking-admin.ts';
import { text } from './text.ts';

// Staff add a bookable room, desk or vehicle to a place, and retire one (issue 10). A retired
// resource keeps its past bookings (history, statistics) and takes no new ones.

export const ResourceCreateBody = z.strictObject({
  placeId: z.uuid(),
  nameKo: text({ min: 1, max: 80 }),
  nameEn: text({ min: 1, max: 80 }),
  kind: ResourceKind,
  rules: ResourceRulesBody,
});
export type ResourceCreateBody = z.infer<typeof ResourceCreateBody>;

/** What retiring left: bookings still ahead stay until staff cancel them with a reason. */
export const RetireAnswer = z.object({ id: z.uuid(), bookingsAhead: z.number().int() });
export type RetireAnswer = z.infer<typeof RetireAnswer>;
