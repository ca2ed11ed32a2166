/** Server state for the audit log: pages of changes, newest first. */
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { Page } from '../../lib/types';
import type { AuditEntry, AuditFilters } from './types';

export function useAuditLog(filters: AuditFilters, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: ['audit-log', filters, pageSize],
    queryFn: ({ pageParam, signal }) =>
      api<Page<AuditEntry>>(`/audit-log${query({ ...filters, limit: pageSize, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
