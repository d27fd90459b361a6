import { z } from 'zod';
import { AppError } from '../errors.ts';

// Keyset paging: a page's cursor is the sort key of its last row, opaque to clients (base64url of
// JSON). One codec for every list, so a tampered or stale cursor is the same clear 400 everywhere.

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key a cursor holds, checked against the list's own shape; anything else is a 400 on `field`. */
export function decodeCursor<T>(cursor: string, shape: z.ZodType<T>, field = 'querystring.cursor'): T {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    raw = undefined;
  }
  const parsed = shape.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new AppError('validation_failed', 400, {}, [{ field, code: 'invalid_cursor' }]);
}

/** Parts of sort keys: a row id, a timestamp as PostgreSQL printed it (microseconds kept), a serial id. */
export const cursorKey = {
  uuid: z.uuid(),
  timestamp: z
    .string()
    .max(40)
    .refine((v) => !Number.isNaN(Date.parse(v))),
  serial: z.number().int().positive(),
  text: z.string().max(500),
};

/** A list ordered by a serial id alone (newest first): the cursor holds the last id. */
export const SERIAL_CURSOR = z.tuple([cursorKey.serial]);

/** The page of `limit` rows from a query that fetched limit + 1, and the cursor of the next page. */
export function pageOf<R, I = R>(
  rows: R[],
  limit: number,
  keyOf: (last: R) => unknown,
  present?: (row: R) => I,
): { items: I[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  return {
    items: present ? page.map(present) : (page as unknown as I[]),
    nextCursor: rows.length > limit ? encodeCursor(keyOf(page[page.length - 1])) : null,
  };
}
