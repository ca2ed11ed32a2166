/** Server state for canned responses. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { List } from '../../lib/types';
import type { CannedResponse, CannedResponseInput } from './types';

const KEY = ['canned-responses'];

export function useCannedResponses() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api<List<CannedResponse>>('/canned-responses?limit=500', { signal }),
    select: (list) => [...list.data].sort((a, b) => a.shortcut.localeCompare(b.shortcut)),
    staleTime: 60_000,
  });
}

export function useSaveCannedResponse() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: CannedResponseInput & { id?: string }) =>
      id
        ? api<CannedResponse>(`/canned-responses/${id}`, { method: 'PATCH', body: input })
        : api<CannedResponse>('/canned-responses', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeleteCannedResponse() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/canned-responses/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

/** The template's text with the conversation's variables (customer name, agent name…) filled in. */
export function renderCannedResponse(id: string, conversationId: string): Promise<{ text: string }> {
  return api<{ text: string }>(`/canned-responses/${id}/render`, { method: 'POST', body: { conversationId } });
}
