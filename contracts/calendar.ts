import { z } from 'zod';

// The personal calendar feed (캘린더 구독) on my page.

/** Whether the person has a feed; its address is shown only once, when it is made. */
export const CalendarFeedStatus = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  /** When a calendar app last fetched it (to the hour). */
  lastUsedAt: z.string().nullable(),
});
export type CalendarFeedStatus = z.infer<typeof CalendarFeedStatus>;

/** A new feed: the secret address, shown this once. */
export const CalendarFeedCreated = z.object({
  url: z.string(),
  createdAt: z.string(),
});
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreated>;

/** The secret in a feed's address (in the query, whose values the logs never hold): 32 random bytes, base64url. */
export const CalendarFeedQuery = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
