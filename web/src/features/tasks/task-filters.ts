/**
 * The task list's filters as the URL keeps them (so a view can be shared) and as the API takes
 * them. Left out: anyone's tasks, open ones, due whenever.
 */
import type { QueryParams } from '../../lib/api';

export const TASK_STATUSES = [
  { value: 'open', label: 'Open' },
  { value: 'done', label: 'Done' },
  { value: 'all', label: 'All' },
] as const;

export const TASK_DUE_WINDOWS = [
  { value: 'overdue', label: 'Overdue' },
  { value: 'today', label: 'Due today' },
  { value: 'thisWeek', label: 'Due this week' },
  { value: 'none', label: 'No due date' },
] as const;

export const DEFAULT_TASK_STATUS = 'open';

export interface TaskFilters {
  /** `me`, `unassigned` or a member's id; anyone when left out. */
  assignee?: string;
  status?: string;
  due?: string;
}

export function hasTaskFilters(filters: TaskFilters): boolean {
  return Boolean(filters.assignee || filters.due || (filters.status && filters.status !== DEFAULT_TASK_STATUS));
}

/** The API's query for the filters; due windows are days of `timeZone`. */
export function taskListParams(filters: TaskFilters, timeZone: string): QueryParams {
  return {
    assigneeId: filters.assignee || undefined,
    status: filters.status || DEFAULT_TASK_STATUS,
    due: filters.due || undefined,
    tz: filters.due ? timeZone : undefined,
    sort: 'dueAt',
  };
}
