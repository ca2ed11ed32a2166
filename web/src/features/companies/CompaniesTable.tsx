/** The companies matching the filters, as a virtualised table that loads pages as you scroll. */
import { useCallback } from 'react';
import { Anchor, EmptyState, Text } from '@mantine/core';
import { IconBuilding } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatNumber, formatRelative } from '../../lib/format';
import { QueryError } from '../../ui/QueryError';
import { TagList } from '../../ui/TagList';
import { VirtualTable, type Column } from '../../ui/VirtualTable';
import { useMemberNames } from '../members/use-member-names';
import { useCompanyList } from './api';
import type { Company, CompanyFilters } from './types';

export function CompaniesTable({ filters }: { filters: CompanyFilters }) {
  const list = useCompanyList(filters);
  const memberName = useMemberNames();
  const rows = list.data?.pages.flatMap((page) => page.data) ?? [];
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  const columns: Column<Company>[] = [
    {
      key: 'name',
      header: 'Name',
      width: '21%',
      render: (c) => (
        <Anchor component={Link} to={`/companies/${c.id}`} c="inherit" fw={500} size="sm" truncate display="block" dir="auto">
          {c.name}
        </Anchor>
      ),
    },
    {
      key: 'domain',
      header: 'Domain',
      width: '15%',
      visibleFrom: 'sm',
      render: (c) => (
        <Text size="sm" truncate>
          {c.domains[0] ?? ''}
        </Text>
      ),
    },
    {
      key: 'industry',
      header: 'Industry',
      width: '14%',
      visibleFrom: 'md',
      render: (c) => (
        <Text size="sm" truncate dir="auto">
          {c.industry}
        </Text>
      ),
    },
    { key: 'size', header: 'Size', width: '9%', visibleFrom: 'lg', render: (c) => <Text size="sm">{c.size}</Text> },
    { key: 'contacts', header: 'People', width: '7%', render: (c) => <Text size="sm">{formatNumber(c.contactCount)}</Text> },
    { key: 'tags', header: 'Tags', width: '13%', visibleFrom: 'lg', render: (c) => <TagList tags={c.tags} max={2} /> },
    {
      key: 'owner',
      header: 'Owner',
      width: '11%',
      visibleFrom: 'lg',
      render: (c) => (
        <Text size="sm" truncate>
          {memberName(c.ownerId) ?? '—'}
        </Text>
      ),
    },
    {
      key: 'updated',
      header: 'Updated',
      width: '10%',
      visibleFrom: 'md',
      render: (c) => (
        <Text size="sm" c="dimmed" truncate>
          {formatRelative(c.updatedAt, { short: true })}
        </Text>
      ),
    },
  ];

  if (list.isError && rows.length === 0)
    return <QueryError title="Could not load companies" error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <VirtualTable
      label="Company list"
      rows={rows}
      columns={columns}
      rowKey={(c) => c.id}
      rowHref={(c) => `/companies/${c.id}`}
      hasMore={Boolean(hasNextPage)}
      loadingMore={isFetchingNextPage}
      onLoadMore={loadMore}
      loading={list.isPending}
      empty={<EmptyState icon={<IconBuilding size={28} />} title="No companies match" description="Try other filters, or add a company." />}
    />
  );
}
