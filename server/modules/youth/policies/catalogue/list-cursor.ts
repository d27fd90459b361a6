import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../../../../platform/paging/cursor.ts';

// The catalogue list's cursor: how the list was matched (so the next page matches the same way:
// 'fixed' is the query's words corrected by the typo fallback) and the sort key of the last row,
// through the platform's one cursor codec.

export type Mode = 'initials' | 'text' | 'fixed' | 'similar' | 'none';

const keyValue = z.union([z.number().finite(), z.string().max(100)]);

export const encodeListCursor = (mode: Mode, values: unknown[]) => encodeCursor({ m: mode, v: values });

export function decodeListCursor(cursor: string, keys: number): { m: Mode; v: Array<string | number> } {
  return decodeCursor(
    cursor,
    z.object({
      m: z.enum(['initials', 'text', 'fixed', 'similar', 'none']),
      v: z.array(keyValue).length(keys),
    }),
  );
}
