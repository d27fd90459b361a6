import { customType } from 'drizzle-orm/pg-core';

/** A text-search vector; the application or a generated column fills it (Hangul bigrams, 초성 pairs). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
