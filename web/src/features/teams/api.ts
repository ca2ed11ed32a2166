/** Server state for teams. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { List } from '../../lib/types';
import type { Team } from './types';

export function useTeams() {
  return useQuery({
    queryKey: ['teams'],
    queryFn: () => api<List<Team>>('/teams'),
    // In the server's order, by name as in every list (ICU's root collation, whatever the browser's language).
    select: (list) => list.data,
    staleTime: 60_000,
  });
}

function useRefreshTeams() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['teams'] });
    void client.invalidateQueries({ queryKey: ['members'] });
  };
}

export function useCreateTeam() {
  const refresh = useRefreshTeams();
  return useMutation({
    mutationFn: (input: { name: string; memberIds: string[] }) => api<Team>('/teams', { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useChangeTeam() {
  const refresh = useRefreshTeams();
  return useMutation({
    mutationFn: ({ id, ...patch }: { id: string; name?: string; memberIds?: string[] }) =>
      api<Team>(`/teams/${id}`, { method: 'PATCH', body: patch }),
    onSuccess: refresh,
  });
}

export function useDeleteTeam() {
  const refresh = useRefreshTeams();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/teams/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}
