/** Server state for timelines: the activities of one contact or company, newest first. */
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { Page } from '../../lib/types';
import type { Activity, ActivityInput, ActivityType, TimelineSubject } from './types';

const PAGE_SIZE = 30;

export function useTimeline(subject: TimelineSubject, type: ActivityType | null) {
  return useInfiniteQuery({
    queryKey: ['timeline', subject, type],
    queryFn: ({ pageParam, signal }) =>
      api<Page<Activity>>(`/activities${query({ ...subject, type, limit: PAGE_SIZE, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

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
