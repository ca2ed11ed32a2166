/** Server state for tasks. */
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import { timeZone } from '../../lib/format';
import type { Page } from '../../lib/types';
import { taskListParams, type TaskFilters } from './task-filters';
import type { Task, TaskInput, TaskPatch } from './types';

/** The workspace's tasks the caller may see, a page at a time, in the filters' order. */
export function useTaskList(filters: TaskFilters, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: ['tasks', 'list', filters, pageSize],
    queryFn: ({ pageParam, signal }) =>
      api<Page<Task>>(`/tasks${query({ ...taskListParams(filters, timeZone()), limit: pageSize, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

function useRefreshTasks() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['timeline'] });
    void client.invalidateQueries({ queryKey: ['my-day'] });
    void client.invalidateQueries({ queryKey: ['tasks'] });
  };
}

export function useCreateTask() {
  const refresh = useRefreshTasks();
  return useMutation({
    mutationFn: (input: TaskInput) => api<Task>('/tasks', { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useUpdateTask(id: string) {
  const refresh = useRefreshTasks();
  return useMutation({
    mutationFn: (patch: TaskPatch) => api<Task>(`/tasks/${id}`, { method: 'PATCH', body: patch }),
    onSettled: refresh,
  });
}
