import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeView } from '../../../contracts/auth.ts';
import { ApiError, api, setCsrfToken } from './client.ts';

// The signed-in person, or null. Every page reads it from here; a 401 simply means "not signed in".
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<MeView | null> => {
      try {
        const me = await api<MeView>('/api/v1/me');
        setCsrfToken(me.csrfToken);
        return me;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw err;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
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
