import { z } from 'zod';

// The one schema for text a person sends (query, path and body strings). PostgreSQL cannot store
// NUL or an unpaired surrogate, and control characters are never meant in what people type, so
// they are a 400 naming the field (field.text_chars) instead of a database error.

/** True when the text holds no C0 control character or DEL (tab, newline and CR only when multi-line) and no lone surrogate. */
export function isCleanText(value: string, multiline = false): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) {
      if (multiline && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
      return false;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++; // a well-formed pair
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return false;
    }
  }
  return true;
}

export interface TextOptions {
  max: number;
  min?: number;
  /** Allows tab and line breaks (bodies of questions, answers, policy descriptions). */
  multiline?: boolean;
  /** Keeps surrounding spaces (opaque tokens and cursors are never trimmed). */
  trim?: boolean;
}

/** Clean, trimmed text of at most `max` characters (after trimming). */
export const text = ({ max, min = 0, multiline = false, trim = true }: TextOptions) => {
  const clean = z.string().refine((v) => isCleanText(v, multiline), {
    params: { messageKey: 'field.text_chars' },
    abort: true,
  });
  return (trim ? clean.trim() : clean).min(min).max(max);
};
