/** Server state for tasks. */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import { timeZone } from '../../lib/format';
import type { Page } from '../../lib/types';
import { useRefreshTimelines } from '../activities/api';
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
  const refreshTimelines = useRefreshTimelines();
  return () => {
    refreshTimelines();
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

/** One task as it is now, for its edit form. */
export function useTask(id: string) {
  return useQuery({ queryKey: ['tasks', 'one', id], queryFn: ({ signal }) => api<Task>(`/tasks/${id}`, { signal }), staleTime: 0 });
}

export function useDeleteTask() {
  const refresh = useRefreshTasks();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/tasks/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}
