/** Server state for segments (saved views). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { List } from '../../lib/types';
import type { Segment, SegmentInput } from './types';

export function useSegments(entity: Segment['entity']) {
  return useQuery({
    queryKey: ['segments', entity],
    queryFn: () => api<List<Segment>>(`/segments${query({ entity })}`),
    select: (list) => list.data.filter((segment) => segment.entity === entity),
  });
}

export function useCreateSegment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SegmentInput) => api<Segment>('/segments', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['segments'] }),
  });
}

export function useUpdateSegment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: Partial<SegmentInput> & { id: string }) =>
      api<Segment>(`/segments/${id}`, { method: 'PATCH', body: patch }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['segments'] }),
  });
}

export function useDeleteSegment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/segments/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['segments'] }),
  });
}
