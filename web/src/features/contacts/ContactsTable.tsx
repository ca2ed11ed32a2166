/** The contacts matching the filters, as a virtualised table that loads pages as you scroll. */
import { useCallback } from 'react';
import { Anchor, EmptyState, Text } from '@mantine/core';
import { IconAddressBook } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatRelative } from '../../lib/format';
import { QueryError } from '../../ui/QueryError';
import { TagList } from '../../ui/TagList';
import { VirtualTable, type Column } from '../../ui/VirtualTable';
import { useMemberNames } from '../members/use-member-names';
import { HealthBadge } from '../relationship/HealthBadge';
import { TierBadge } from '../relationship/TierBadge';
import { useContactList } from './api';
import { contactCountText } from './contact-count';
import { StageBadge } from './StageBadge';
import type { Contact, ContactFilters } from './types';

export function ContactsTable({ filters }: { filters: ContactFilters }) {
  const list = useContactList(filters);
  const memberName = useMemberNames();
  const rows = list.data?.pages.flatMap((page) => page.data) ?? [];
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  const columns: Column<Contact>[] = [
    {
      key: 'name',
      header: 'Name',
      width: '18%',
      render: (c) => (
        <Anchor component={Link} to={`/contacts/${c.id}`} c="inherit" fw={500} size="sm" truncate display="block" dir="auto">
          {c.displayName}
        </Anchor>
      ),
    },
    {
      key: 'email',
      header: 'E-mail',
      width: '16%',
      visibleFrom: 'sm',
      render: (c) => (
        <Text size="sm" truncate>
          {c.emails[0]?.address ?? ''}
        </Text>
      ),
    },
    {
      key: 'company',
      header: 'Company',
      width: '11%',
      visibleFrom: 'md',
      render: (c) =>
        c.companyId ? (
          <Anchor component={Link} to={`/companies/${c.companyId}`} size="sm" truncate display="block" dir="auto">
            {c.companyName}
          </Anchor>
        ) : null,
    },
    { key: 'stage', header: 'Stage', width: '10%', render: (c) => <StageBadge stage={c.lifecycleStage} /> },
    { key: 'tier', header: 'Tier', width: '8%', visibleFrom: 'sm', render: (c) => <TierBadge tier={c.tier} /> },
    {
      key: 'health',
      header: 'Health',
      width: '10%',
      visibleFrom: 'md',
      render: (c) => <HealthBadge health={c.health} reasons={c.healthReasons} />,
    },
    { key: 'tags', header: 'Tags', width: '10%', visibleFrom: 'xl', render: (c) => <TagList tags={c.tags} max={2} /> },
    {
      key: 'owner',
      header: 'Owner',
      width: '9%',
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
      width: '8%',
      visibleFrom: 'md',
      render: (c) => (
        <Text size="sm" c="dimmed" truncate>
          {formatRelative(c.updatedAt, { short: true })}
        </Text>
      ),
    },
  ];

  if (list.isError && rows.length === 0)
    return <QueryError title="Could not load contacts" error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <>
      {list.isSuccess && (
        <Text size="sm" c="dimmed" mb={4}>
          {contactCountText(rows.length, Boolean(hasNextPage))}
        </Text>
      )}
      <VirtualTable
        label="Contact list"
        rows={rows}
        columns={columns}
        rowKey={(c) => c.id}
        rowHref={(c) => `/contacts/${c.id}`}
        hasMore={Boolean(hasNextPage)}
        loadingMore={isFetchingNextPage}
        onLoadMore={loadMore}
        loading={list.isPending}
        empty={
          <EmptyState icon={<IconAddressBook size={28} />} title="No contacts match" description="Try other filters, or add a contact." />
        }
      />
    </>
  );
}
