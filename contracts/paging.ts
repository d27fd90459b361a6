import { text } from './text.ts';

/** A list's `cursor` parameter: the previous page's `nextCursor`, opaque (base64url), never trimmed. */
export const CursorParam = text({ max: 500, trim: false });
