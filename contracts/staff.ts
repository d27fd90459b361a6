import { z } from 'zod';

// The staff home: what waits for a staff member, one entry per work queue they work.
export const StaffQueue = z.object({
  kind: z.string(),
  /** The queue's name in the request's language. */
  label: z.string(),
  count: z.number().int(),
  oldestCreatedAt: z.string().nullable(),
  /** Working days the oldest item has waited in full (Korean public holidays excluded). */
  oldestWorkingDays: z.number().int().nullable(),
  /** The promised handling time in working days, when the queue has one. */
  targetWorkingDays: z.number().int().nullable(),
  /** The oldest item has reached the promised time. */
  overdue: z.boolean(),
  /** How many items have reached the promised time (0 for a queue without one). */
  overdueCount: z.number().int(),
  /** Where the queue is worked, in the web app. */
  link: z.string(),
});
export const StaffQueues = z.object({ items: z.array(StaffQueue) });
