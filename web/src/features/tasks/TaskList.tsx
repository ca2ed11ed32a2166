/** The tasks matching the filters, in the order chosen, loading further pages as one scrolls. */
import { useCallback } from 'react';
import { Card, EmptyState, Loader, Stack } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { LoadMore } from '../../ui/LoadMore';
import { QueryError } from '../../ui/QueryError';
import { useTaskList } from './api';
import type { TaskFilters } from './task-filters';
import { TaskRow } from './TaskRow';

export function TaskList({ filters }: { filters: TaskFilters }) {
  const list = useTaskList(filters);
  const tasks = list.data?.pages.flatMap((page) => page.data) ?? [];
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  if (list.isPending) return <Loader aria-label="Loading tasks" />;
  if (list.isError && tasks.length === 0)
    return <QueryError title="Could not load tasks" error={list.error} onRetry={() => void list.refetch()} />;
  if (tasks.length === 0)
    return <EmptyState icon={<IconChecklist size={28} />} title="No tasks match" description="Try other filters, or add a task." />;
  return (
    <Card withBorder>
      <Stack component="ul" aria-label="Tasks" gap={0} p={0} m={0} style={{ listStyle: 'none' }}>
        {tasks.map((task) => (
          <TaskRow key={task.id} task={task} showUnassigned />
        ))}
      </Stack>
      <LoadMore hasMore={Boolean(hasNextPage)} loading={isFetchingNextPage} onLoadMore={loadMore} label="More tasks" />
    </Card>
  );
}
