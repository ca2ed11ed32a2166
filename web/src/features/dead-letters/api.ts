/** Server state for dead letters: the list, one payload, replay and discard. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { Page } from '../../lib/types';
import type { DeadLetter, DeadLetterFilters, ReplayOutcome } from './types';

export function useDeadLetters(filters: DeadLetterFilters = {}) {
  return useInfiniteQuery({
    queryKey: ['dead-letters', 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      api<Page<DeadLetter>>(`/dead-letters${query({ ...filters, cursor: pageParam, limit: 50 })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useDeadLetterPayload(deadLetter: DeadLetter, enabled: boolean) {
  return useQuery({
    queryKey: ['dead-letters', 'one', deadLetter.id],
    queryFn: ({ signal }) => api<DeadLetter>(`/dead-letters/${deadLetter.id}`, { signal }),
    select: (full) => full.payload ?? '',
    enabled: enabled && deadLetter.payload === undefined,
  });
}

export function useReplayDeadLetter() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<ReplayOutcome>(`/dead-letters/${id}/replay`, { method: 'POST' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['dead-letters'] });
      void client.invalidateQueries({ queryKey: ['conversations'] });
      void client.invalidateQueries({ queryKey: ['channels'] });
    },
  });
}

export function useDiscardDeadLetter() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/dead-letters/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['dead-letters'] }),
  });
}
