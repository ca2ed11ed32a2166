/** Server state for global search across contacts and companies. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { List } from '../../lib/types';

export interface SearchResult {
  type: 'contact' | 'company';
  id: string;
  title: string;
  subtitle: string | null;
  score: number;
}

export function useSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['search', text],
    queryFn: ({ signal }) => api<List<SearchResult>>(`/search${query({ q: text, limit: 12 })}`, { signal }),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}
