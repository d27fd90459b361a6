import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { SearchResults } from '../../../contracts/search.ts';
import { api } from './client.ts';

// The site-wide Korean search (policies, enterprises, pages).
export type SearchHit = z.infer<typeof SearchResults>['items'][number];

export function useSearch(q: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['search', q, i18n.language],
    queryFn: () => api<z.infer<typeof SearchResults>>(`/api/v1/search?q=${encodeURIComponent(q)}&limit=30`),
    enabled: q.trim().length > 0,
  });
}
