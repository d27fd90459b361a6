import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { logOut } from '../../api/auth.ts';
import { setCsrfToken } from '../../api/client.ts';

/**
 * Signing out (the header's button and the kiosk's): signed out in this page whatever the server answers (the session's
 * token and every cached answer are forgotten either way), then on to `to`.
 */
export function useSignOut(to: string) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logOut,
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      navigate(to);
    },
  });
}
