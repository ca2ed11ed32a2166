/** Server state for workspace members. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { List, RecordScope, Role } from '../../lib/types';
import type { AddedMember, Invitation, Member, ReceivedInvitation } from './types';

export function useMembers() {
  return useQuery({
    queryKey: ['members'],
    queryFn: () => api<List<Member>>('/members'),
    // In the server's order, by name as in every list (ICU's root collation, whatever the browser's language).
    select: (list) => list.data,
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
    mutationFn: (input: NewMember) => api<AddedMember>('/members', { method: 'POST', body: input }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['members'] });
      void client.invalidateQueries({ queryKey: ['member-invitations'] });
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

/** Existing accounts invited to this workspace that have not answered yet; only admins may see them. */
export function useInvitations(enabled: boolean) {
  return useQuery({
    queryKey: ['member-invitations'],
    queryFn: () => api<List<Invitation>>('/members/invitations'),
    select: (list) => list.data,
    enabled,
  });
}

export function useWithdrawInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/members/invitations/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['member-invitations'] }),
  });
}

/** Invitations the signed-in person has received from other workspaces. */
export function useReceivedInvitations() {
  return useQuery({
    queryKey: ['invitations'],
    queryFn: () => api<List<ReceivedInvitation>>('/invitations'),
    select: (list) => list.data,
    staleTime: 60_000,
  });
}

/** Accepting adds the workspace to the session's list, to switch to when the person chooses. */
export function useAnswerInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer }: { id: string; answer: 'accept' | 'decline' }) =>
      api<unknown>(`/invitations/${id}/${answer}`, { method: 'POST' }),
    // Refreshed on failure too: an invitation withdrawn meanwhile should leave the menu.
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['invitations'] });
      void client.invalidateQueries({ queryKey: ['session'] });
    },
  });
}
