import { z } from 'zod';
import { text } from './text.ts';

// Schemas shared by the server and the web app.
export const Email = z.email().max(254);
export const Password = z.string().min(10).max(200);
export const Uuid = z.uuid();
export const Locale = z.enum(['ko', 'en']);
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string(),
  }),
});
export const Ok = z.object({ ok: z.literal(true) });

/** An integer in a query string: a missing value reads as "required", letters as a format error. */
export const queryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d{1,9}$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** A person's display name: letters of any script, digits, spaces and . ' - _ · — never markup or code. */
export const NAME_PATTERN = /^[\p{L}\p{M}\p{N} .'\u00b7_-]+$/u;
export const NameText = (max: number) =>
  text({ min: 1, max }).refine((v) => NAME_PATTERN.test(v), { params: { messageKey: 'field.name_chars' } });

/** A token from one of our links (base64url). */
export const LinkToken = z
  .string()
  .min(10)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/);
