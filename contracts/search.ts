import { z } from 'zod';

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  type: z.string().min(1).max(50).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const SearchHit = z.object({
  type: z.string(),
  id: z.string(),
  title: z.string(),
  snippet: z.string(),
  url: z.string(),
});
export const SearchResults = z.object({ items: z.array(SearchHit) });
