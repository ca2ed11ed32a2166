/** Server state for companies. */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { Page } from '../../lib/types';
import type { Company, CompanyFilters, CompanyInput } from './types';

export function useCompanyList(filters: CompanyFilters, pageSize = 100) {
  return useInfiniteQuery({
    queryKey: ['companies', 'list', filters, pageSize],
    queryFn: ({ pageParam, signal }) =>
      api<Page<Company>>(
        `/companies${query({ ...filters, sort: filters.q ? undefined : filters.sort, limit: pageSize, cursor: pageParam })}`,
        {
          signal,
        },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** A short list of companies matching what someone typed, for pickers. */
export function useCompanyMatches(q: string) {
  return useQuery({
    queryKey: ['companies', 'matches', q],
    queryFn: ({ signal }) =>
      api<Page<Company>>(`/companies${query({ q: q || undefined, sort: q ? undefined : 'name', limit: 20 })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCompany(id: string | null | undefined) {
  return useQuery({ queryKey: ['companies', 'one', id], queryFn: () => api<Company>(`/companies/${id}`), enabled: Boolean(id) });
}

export function useCreateCompany() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CompanyInput) => api<Company>('/companies', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['companies'] }),
  });
}

export function useUpdateCompany(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CompanyInput) => api<Company>(`/companies/${id}`, { method: 'PATCH', body: input }),
    onSuccess: (company) => {
      client.setQueryData(['companies', 'one', id], company);
      void client.invalidateQueries({ queryKey: ['companies', 'list'] });
      void client.invalidateQueries({ queryKey: ['contacts'] });
    },
  });
}

export function useDeleteCompany() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/companies/${id}`, { method: 'DELETE' }),
    onSuccess: (_result, id) => {
      client.removeQueries({ queryKey: ['companies', 'one', id] });
      void client.invalidateQueries({ queryKey: ['companies', 'list'] });
      void client.invalidateQueries({ queryKey: ['contacts'] });
    },
  });
}
