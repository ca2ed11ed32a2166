/** Server state for the signed-in person's own account. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Account, PasswordChange } from './types';

export function useAccount() {
  return useQuery({ queryKey: ['account'], queryFn: () => api<Account>('/account') });
}

export function useRenameAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api<Account>('/account', { method: 'PATCH', body: { name } }),
    onSuccess: (account) => {
      client.setQueryData(['account'], account);
      // The name shows in the account menu (the session) and wherever members are listed.
      void client.invalidateQueries({ queryKey: ['session'] });
      void client.invalidateQueries({ queryKey: ['members'] });
    },
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: PasswordChange) => api<{ sessionsEnded: number }>('/account/password', { method: 'PUT', body: change }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['account'] }),
  });
}

export function useSignOutOthers() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ sessionsEnded: number }>('/auth/sign-out-others', { method: 'POST' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['account'] }),
  });
}
