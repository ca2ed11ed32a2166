/** Tasks: every task of the workspace one may see, by assignee, status and due date, in the order one picks. */
import { PageHeader } from '../../ui/PageHeader';
import { usePermissions } from '../auth/permissions';
import { NewTaskButton } from './NewTaskButton';
import { TaskFiltersBar } from './TaskFiltersBar';
import { TaskList } from './TaskList';
import { useTaskFilters } from './use-task-filters';

export function TasksPage() {
  const { filters, setFilters } = useTaskFilters();
  const { canWrite } = usePermissions();
  return (
    <>
      <PageHeader title="Tasks" description="The team’s to-dos." actions={canWrite && <NewTaskButton />} />
      <TaskFiltersBar filters={filters} onChange={setFilters} />
      <TaskList filters={filters} />
    </>
  );
}
