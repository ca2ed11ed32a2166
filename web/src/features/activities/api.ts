/** Server state for logged activities; timelines read them through the customer 360 (features/relationship). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Activity, ActivityInput } from './types';

export function useLogActivity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ActivityInput) => api<Activity>('/activities', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['timeline'] }),
  });
}

export function useDeleteActivity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/activities/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['timeline'] }),
  });
}
