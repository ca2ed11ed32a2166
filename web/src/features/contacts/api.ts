/** Server state for contacts. */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { Page } from '../../lib/types';
import type { Contact, ContactFilters, ContactInput } from './types';

/** Search results come ranked by relevance, so a sort only applies without a search. */
export function contactListParams(filters: ContactFilters) {
  return { ...filters, sort: filters.q ? undefined : filters.sort };
}

export function useContactList(filters: ContactFilters, pageSize = 100) {
  return useInfiniteQuery({
    queryKey: ['contacts', 'list', filters, pageSize],
    queryFn: ({ pageParam, signal }) =>
      api<Page<Contact>>(`/contacts${query({ ...contactListParams(filters), limit: pageSize, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useContact(id: string) {
  return useQuery({ queryKey: ['contacts', 'one', id], queryFn: () => api<Contact>(`/contacts/${id}`), enabled: Boolean(id) });
}

export function useCreateContact() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ContactInput) => api<Contact>('/contacts', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['contacts', 'list'] }),
  });
}

export function useUpdateContact(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ContactInput) => api<Contact>(`/contacts/${id}`, { method: 'PATCH', body: input }),
    onSuccess: (contact) => {
      client.setQueryData(['contacts', 'one', id], contact);
      void client.invalidateQueries({ queryKey: ['contacts', 'list'] });
    },
  });
}

export function useDeleteContact() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/contacts/${id}`, { method: 'DELETE' }),
    onSuccess: (_result, id) => {
      client.removeQueries({ queryKey: ['contacts', 'one', id] });
      void client.invalidateQueries({ queryKey: ['contacts', 'list'] });
    },
  });
}
