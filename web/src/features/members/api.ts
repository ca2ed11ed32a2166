/** Server state for workspace members. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { List, RecordScope, Role } from '../../lib/types';
import type { Member } from './types';

export function useMembers() {
  return useQuery({
    queryKey: ['members'],
    queryFn: () => api<List<Member>>('/members'),
    select: (list) => [...list.data].sort((a, b) => a.name.localeCompare(b.name)),
    staleTime: 60_000,
  });
}

export interface NewMember {
  email: string;
  name: string;
  password: string;
  role: Role;
  recordScope: RecordScope;
  teamIds: string[];
}

export function useAddMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewMember) => api<Member>('/members', { method: 'POST', body: input }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['members'] });
      void client.invalidateQueries({ queryKey: ['teams'] });
    },
  });
}

export function useChangeMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: { id: string; role?: Role; recordScope?: RecordScope }) =>
      api<Member>(`/members/${id}`, { method: 'PATCH', body: patch }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['members'] }),
  });
}

export function useRemoveMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/members/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['members'] });
      void client.invalidateQueries({ queryKey: ['teams'] });
    },
  });
}
