/** Server state for API tokens. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { List } from '../../lib/types';
import type { ApiToken, CreatedApiToken, TokenScope } from './types';

export function useApiTokens() {
  return useQuery({ queryKey: ['api-tokens'], queryFn: () => api<List<ApiToken>>('/api-tokens'), select: (list) => list.data });
}

export function useCreateApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; scopes: TokenScope[] }) => api<CreatedApiToken>('/api-tokens', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['api-tokens'] }),
  });
}

export function useRevokeApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api-tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['api-tokens'] }),
  });
}
