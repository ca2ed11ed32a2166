/** The signed-in session: loaded once, shared through TanStack Query. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from '../../lib/api';
import type { Session } from '../../lib/types';

export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      try {
        const session = await api<Session>('/auth/session');
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string; acceptInvitation?: string }) =>
      api<Session>('/auth/sign-in', { method: 'POST', body }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      client.setQueryData(['session'], session);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/auth/sign-out', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null);
      client.clear();
      client.setQueryData(['session'], null);
    },
  });
}

/**
 * Moves the signed-in person to another of their workspaces. The page starts afresh there: every
 * cached list, open page and live stream belonged to the workspace left.
 */
export function useSwitchWorkspace() {
  return useMutation({
    mutationFn: (workspaceId: string) => api<Session>('/auth/switch-workspace', { method: 'POST', body: { workspaceId } }),
    onSuccess: () => window.location.assign('/'),
  });
}
