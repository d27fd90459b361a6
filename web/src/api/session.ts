import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeView } from '../../../contracts/auth.ts';
import { api, setCsrfToken } from './client.ts';

// The signed-in person, or null. Every page reads it from here (and page-data.ts asks it at start).
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<MeView | null> => {
    const { me } = await api<{ me: MeView | null }>('/api/v1/session');
    setCsrfToken(me?.csrfToken ?? null);
    return me;
  },
  staleTime: 60_000,
  retry: false,
});

export function useMe() {
  return useQuery(meQuery);
}

export function useRefreshSession() {
  const queryClient = useQueryClient();
  return async () => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' && q.queryKey[0] !== 'public' });
    await queryClient.invalidateQueries({ queryKey: ['me'] });
    await queryClient.refetchQueries({ queryKey: ['me'] });
  };
}

export type { MeView };

export function hasRole(me: MeView | null | undefined, ...roles: string[]): boolean {
  return !!me && me.roles.some((r) => roles.includes(r));
}
