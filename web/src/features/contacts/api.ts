/** Server state for contacts. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { Contact, Page } from '../../lib/types';

export interface ContactFilters {
  q?: string;
  stage?: string[];
  tag?: string[];
  sort?: string;
  ownerId?: string;
  companyId?: string;
}

export function useContactList(filters: ContactFilters) {
  return useInfiniteQuery({
    queryKey: ['contacts', 'list', filters],
    queryFn: ({ pageParam }) => api<Page<Contact>>(`/contacts${query({ ...filters, limit: 100, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useContact(id: string) {
  return useQuery({ queryKey: ['contacts', id], queryFn: () => api<Contact>(`/contacts/${id}`) });
}

export type ContactInput = Partial<Omit<Contact, 'id' | 'displayName' | 'companyName' | 'createdAt' | 'updatedAt'>>;

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
      client.setQueryData(['contacts', id], contact);
      void client.invalidateQueries({ queryKey: ['contacts', 'list'] });
    },
  });
}

export function useDeleteContact() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/contacts/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['contacts'] }),
  });
}
