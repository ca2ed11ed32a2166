/**
 * A list the server sends a page at a time, as a virtual table that asks for the next page as the
 * end comes near. When the first page fails there is nothing to show but the failure; when a later
 * one does, the rows already loaded stay.
 */
import { useCallback, type ReactNode } from 'react';
import { Text } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { Page } from '../lib/types';
import { QueryError } from './QueryError';
import { VirtualTable, type Column } from './VirtualTable';

export function PagedTable<T extends { id: string }>({
  list,
  label,
  columns,
  href,
  failedTitle,
  empty,
  countText,
}: {
  list: UseInfiniteQueryResult<InfiniteData<Page<T>>, Error>;
  label: string;
  columns: Column<T>[];
  href: (row: T) => string;
  failedTitle: string;
  empty: ReactNode;
  /** How many rows the list holds, as far as the pages loaded tell, for a line above the table. */
  countText?: (loaded: number, hasMore: boolean) => string;
}) {
  const rows = list.data?.pages.flatMap((page) => page.data) ?? [];
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  if (list.isError && rows.length === 0) return <QueryError title={failedTitle} error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <>
      {countText && list.isSuccess && (
        <Text size="sm" c="dimmed" mb={4}>
          {countText(rows.length, Boolean(hasNextPage))}
        </Text>
      )}
      <VirtualTable
        label={label}
        rows={rows}
        columns={columns}
        rowKey={(row) => row.id}
        rowHref={href}
        hasMore={Boolean(hasNextPage)}
        loadingMore={isFetchingNextPage}
        onLoadMore={loadMore}
        loading={list.isPending}
        empty={empty}
      />
    </>
  );
}
