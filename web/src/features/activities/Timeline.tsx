/** A contact's or company's timeline, newest first, filtered by kind, loading older entries on scroll. */
import { useCallback, useState } from 'react';
import { Chip, EmptyState, Group, Loader, Stack, Title } from '@mantine/core';
import { IconTimeline } from '@tabler/icons-react';
import { LoadMore } from '../../ui/LoadMore';
import { QueryError } from '../../ui/QueryError';
import { usePermissions } from '../auth/permissions';
import { useTimeline } from './api';
import { ACTIVITY_KINDS } from './activity-kinds';
import { TimelineEntry } from './TimelineEntry';
import { ACTIVITY_TYPES, type ActivityType, type TimelineSubject } from './types';

export function Timeline({ subject }: { subject: TimelineSubject }) {
  const [type, setType] = useState<ActivityType | 'all'>('all');
  const timeline = useTimeline(subject, type === 'all' ? null : type);
  const { canWrite } = usePermissions();
  const entries = timeline.data?.pages.flatMap((page) => page.data) ?? [];
  const { fetchNextPage } = timeline;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  return (
    <Stack component="section" aria-labelledby="timeline-heading" gap="sm">
      <Group justify="space-between" align="center">
        <Title order={2} size="h4" id="timeline-heading">
          Timeline
        </Title>
      </Group>
      <Chip.Group value={type} onChange={(v) => setType(v as ActivityType | 'all')}>
        <Group gap={6} role="radiogroup" aria-label="Show">
          <Chip value="all" size="xs" variant="outline">
            All
          </Chip>
          {ACTIVITY_TYPES.map((t) => (
            <Chip key={t} value={t} size="xs" variant="outline">
              {ACTIVITY_KINDS[t].plural}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {timeline.isPending && <Loader size="sm" aria-label="Loading timeline" />}
      {timeline.isError && (
        <QueryError title="Could not load the timeline" error={timeline.error} onRetry={() => void timeline.refetch()} />
      )}
      {timeline.isSuccess && entries.length === 0 && (
        <EmptyState
          icon={<IconTimeline size={28} />}
          title={type === 'all' ? 'Nothing on the timeline yet' : `No ${ACTIVITY_KINDS[type].plural.toLowerCase()} yet`}
          description="Notes, calls, meetings, e-mails and tasks show up here."
          size="sm"
        />
      )}
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Timeline entries">
        {entries.map((activity) => (
          <TimelineEntry key={activity.id} activity={activity} canWrite={canWrite} />
        ))}
      </Stack>
      <LoadMore
        hasMore={Boolean(timeline.hasNextPage)}
        loading={timeline.isFetchingNextPage}
        onLoadMore={loadMore}
        label="Show older entries"
      />
    </Stack>
  );
}
