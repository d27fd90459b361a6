import { z } from 'zod';

// The check-in kiosk of a place (issue 10): a tablet at the entrance, signed in with a kiosk account
// (role 'kiosk', or staff), takes the code of a room booking or of a program session held there and
// greets the person by a masked name.

export const KioskParams = z.strictObject({ placeId: z.uuid() });

/** What the kiosk shows after a check-in: never a full name, never a list. */
export const KioskResult = z.object({
  kind: z.enum(['booking', 'session']),
  /** 홍*동: the name masked (null when the account is gone). */
  maskedName: z.string().nullable(),
  placeName: z.string(),
  /** The room (or, for a session, the room or address of it). */
  room: z.string(),
  /** The program's title for a session, null for a booking. */
  programTitle: z.string().nullable(),
  start: z.string(),
  end: z.string(),
});
export type KioskResult = z.infer<typeof KioskResult>;
