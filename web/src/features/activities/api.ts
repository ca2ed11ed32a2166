/** Server state for logged activities; timelines read them through the customer 360 (features/relationship). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { relationshipKeys } from '../relationship/api';
import type { Activity, ActivityInput, ActivityPatch } from './types';

/**
 * A change to a timeline moves the contact's last or next interaction and, once rescored, its value
 * and health: the relationship panels reload with the timeline.
 */
export function useRefreshTimelines() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['timeline'] });
    void client.invalidateQueries({ queryKey: relationshipKeys.relationships });
  };
}

/** One entry as it is now, for its edit form: the timeline shows only part of it. */
export function useActivity(id: string) {
  return useQuery({
    queryKey: ['activities', 'one', id],
    queryFn: ({ signal }) => api<Activity>(`/activities/${id}`, { signal }),
    staleTime: 0,
  });
}

export function useLogActivity() {
  const refresh = useRefreshTimelines();
  return useMutation({
    mutationFn: (input: ActivityInput) => api<Activity>('/activities', { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useChangeActivity(id: string) {
  const refresh = useRefreshTimelines();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: ActivityPatch) => api<Activity>(`/activities/${id}`, { method: 'PATCH', body: patch }),
    onSuccess: (activity) => {
      client.setQueryData(['activities', 'one', id], activity);
      refresh();
    },
  });
}

export function useDeleteActivity() {
  const refresh = useRefreshTimelines();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/activities/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}
