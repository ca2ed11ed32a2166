/**
 * The task list's filters and sort as the URL keeps them (so a view can be shared) and as the API
 * takes them. Left out: anyone's tasks, open ones, due whenever, in the status's own order.
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

const DUE_SOONEST = { value: 'dueAt', label: 'Due date, soonest first' };
const DUE_LATEST = { value: '-dueAt', label: 'Due date, latest first' };
const RECENTLY_CREATED = { value: '-createdAt', label: 'Recently created' };
const RECENTLY_COMPLETED = { value: '-doneAt', label: 'Recently completed' };

/** The orders each status offers, its default first: done tasks by completion, the others by due date. */
const SORTS: Record<string, readonly { value: string; label: string }[]> = {
  open: [DUE_SOONEST, DUE_LATEST, RECENTLY_CREATED],
  done: [RECENTLY_COMPLETED, DUE_SOONEST, DUE_LATEST, RECENTLY_CREATED],
  all: [DUE_SOONEST, DUE_LATEST, RECENTLY_CREATED, RECENTLY_COMPLETED],
};

export interface TaskFilters {
  /** `me`, `unassigned` or a member's id; anyone when left out. */
  assignee?: string;
  status?: string;
  due?: string;
  /** One of the status's sorts; its default when left out or not one of them. */
  sort?: string;
}

export function taskSorts(status: string | undefined) {
  return SORTS[status ?? DEFAULT_TASK_STATUS] ?? SORTS[DEFAULT_TASK_STATUS]!;
}

/** The order the list is in: the one chosen, if the status offers it, else the status's default. */
export function taskSort(filters: TaskFilters): string {
  const sorts = taskSorts(filters.status);
  return sorts.find((s) => s.value === filters.sort)?.value ?? sorts[0]!.value;
}

/** The change that picks `sort`; the status's default is left out of the URL. */
export function sortChange(filters: TaskFilters, sort: string): Partial<TaskFilters> {
  return { sort: sort === taskSorts(filters.status)[0]!.value ? undefined : sort };
}

/** The change to another status: a sort it does not offer, or its default, is dropped. */
export function statusChange(filters: TaskFilters, status: string): Partial<TaskFilters> {
  const sorts = taskSorts(status);
  const kept = sorts.slice(1).some((s) => s.value === filters.sort);
  return { status, sort: kept ? filters.sort : undefined };
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
    sort: taskSort(filters),
  };
}
