/** The task list's filters and sort, kept in the URL. */
import { useListParams } from '../../lib/use-list-params';
import { DEFAULT_TASK_STATUS, type TaskFilters } from './task-filters';

const SPEC = { assignee: 'one', status: 'one', due: 'one', sort: 'one' } as const;
const DEFAULTS = { status: DEFAULT_TASK_STATUS };

export function useTaskFilters() {
  const { values, change } = useListParams(SPEC, DEFAULTS);
  return { filters: values as TaskFilters, setFilters: change };
}
