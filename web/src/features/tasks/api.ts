/** Server state for tasks. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Task, TaskInput, TaskPatch } from './types';

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
