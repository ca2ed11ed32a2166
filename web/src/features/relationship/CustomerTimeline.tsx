/**
 * The customer 360 timeline of a contact or company: activities, messages and mentions across every
 * channel, newest first, filtered by kind and channel, loading older entries on scroll.
 */
import { useCallback, useState } from 'react';
import { Button, Chip, EmptyState, Group, Loader, Select, Stack, Title } from '@mantine/core';
import { IconTimeline } from '@tabler/icons-react';
import { NETWORKS } from '../../lib/types';
import { LoadMore } from '../../ui/LoadMore';
import { QueryError } from '../../ui/QueryError';
import { usePermissions } from '../auth/permissions';
import { useSession } from '../auth/session';
import { NETWORK_META } from '../channels/networks';
import type { TimelineSubject } from '../activities/types';
import { useCustomerTimeline } from './api';
import { isFiltered, NO_FILTERS, toggleKind } from './timeline-filters';
import { TIMELINE_KIND_META } from './timeline-kinds';
import { TimelineItemRow } from './TimelineItemRow';
import { TIMELINE_KINDS, type TimelineFilters } from './types';
import { reachableClearButton } from '../../ui/clear-button';

const NETWORK_OPTIONS = NETWORKS.map((network) => ({ value: network, label: NETWORK_META[network].label }));

export function CustomerTimeline({ subject }: { subject: TimelineSubject }) {
  const [filters, setFilters] = useState<TimelineFilters>(NO_FILTERS);
  const timeline = useCustomerTimeline(subject, filters);
  const { canWrite, isAdmin } = usePermissions();
  const session = useSession();
  const member = { canWrite, isAdmin, userId: session.data?.user.id ?? '' };
  const items = timeline.data?.pages.flatMap((page) => page.data) ?? [];
  const { fetchNextPage } = timeline;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  return (
    <Stack component="section" aria-labelledby="timeline-heading" gap="sm">
      <Group justify="space-between" align="center" gap="xs">
        <Title order={2} size="h4" id="timeline-heading">
          Timeline
        </Title>
        <Select
          aria-label="Channel"
          placeholder="All channels"
          data={NETWORK_OPTIONS}
          value={filters.network}
          onChange={(network) => setFilters({ ...filters, network })}
          clearable
          allowDeselect={false}
          clearButtonProps={reachableClearButton('Show all channels')}
          size="xs"
          w={200}
        />
      </Group>
      <Group gap={6} role="group" aria-label="Show">
        <Chip size="xs" variant="outline" checked={filters.kinds.length === 0} onChange={() => setFilters({ ...filters, kinds: [] })}>
          All
        </Chip>
        {TIMELINE_KINDS.map((kind) => (
          <Chip
            key={kind}
            size="xs"
            variant="outline"
            checked={filters.kinds.includes(kind)}
            onChange={() => setFilters(toggleKind(filters, kind, TIMELINE_KINDS))}
          >
            {TIMELINE_KIND_META[kind].plural}
          </Chip>
        ))}
      </Group>
      {timeline.isPending && <Loader size="sm" aria-label="Loading timeline" />}
      {timeline.isError && (
        <QueryError title="Could not load the timeline" error={timeline.error} onRetry={() => void timeline.refetch()} />
      )}
      {timeline.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<IconTimeline size={28} />}
          title={isFiltered(filters) ? 'Nothing matches these filters' : 'Nothing on the timeline yet'}
          description="Messages, mentions, notes, calls, meetings, e-mails and tasks show up here."
          size="sm"
        >
          {isFiltered(filters) && (
            <Button variant="subtle" size="xs" onClick={() => setFilters(NO_FILTERS)}>
              Show everything
            </Button>
          )}
        </EmptyState>
      )}
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Timeline entries">
        {items.map((item) => (
          <TimelineItemRow key={`${item.kind}-${item.id}`} item={item} member={member} />
        ))}
      </Stack>
      <LoadMore hasMore={Boolean(timeline.hasNextPage)} loading={timeline.isFetchingNextPage} onLoadMore={loadMore} label="Load more" />
    </Stack>
  );
}
