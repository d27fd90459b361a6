import { z } from 'zod';
import { queryInt } from './common.ts';
import { text } from './text.ts';

export const SearchQuery = z.object({
  q: text({ min: 1, max: 200 }),
  type: text({ min: 1, max: 50 }).optional(),
  limit: queryInt(1, 50).default(20),
});
export const SearchHit = z.object({
  type: z.string(),
  /** What kind of record it is, in the request's language (never the type code). */
  typeLabel: z.string(),
  id: z.string(),
  title: z.string(),
  snippet: z.string(),
  url: z.string(),
});
export const SearchResults = z.object({ items: z.array(SearchHit) });
