/** Changes a logged entry or a task of a timeline in a dialog, with the form it was added with, filled in. */
import { ActionIcon, Loader, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { Dialog } from '../../ui/Dialog';
import { QueryError } from '../../ui/QueryError';
import { useActivity } from '../activities/api';
import { EditActivityForm } from '../activities/ActivityForm';
import type { Activity, LoggableType } from '../activities/types';
import { useTask } from '../tasks/api';
import { EditTaskForm } from '../tasks/TaskForm';

const LOGGABLE: readonly string[] = ['note', 'call', 'meeting', 'email'] satisfies LoggableType[];
const isLoggable = (activity: Activity): activity is Activity & { type: LoggableType } => LOGGABLE.includes(activity.type);

export function EditEntryButton({ id, isTask, what }: { id: string; isTask: boolean; what: string }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Tooltip label={`Edit ${what}`}>
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Edit ${what}`} onClick={open}>
          <IconPencil size={14} />
        </ActionIcon>
      </Tooltip>
      <Dialog opened={opened} onClose={close} title={`Edit ${what}`} size="lg">
        {opened && (isTask ? <TaskEditor id={id} onSaved={close} /> : <ActivityEditor id={id} onSaved={close} />)}
      </Dialog>
    </>
  );
}

/** The form starts from the entry as it is now: the timeline shows only part of it. */
function ActivityEditor({ id, onSaved }: { id: string; onSaved: () => void }) {
  const activity = useActivity(id);
  if (activity.isPending) return <Loader size="sm" aria-label="Loading" />;
  if (activity.isError)
    return <QueryError title="Could not load the entry" error={activity.error} onRetry={() => void activity.refetch()} />;
  return isLoggable(activity.data) ? <EditActivityForm activity={activity.data} onSaved={onSaved} /> : null;
}

function TaskEditor({ id, onSaved }: { id: string; onSaved: () => void }) {
  const task = useTask(id);
  if (task.isPending) return <Loader size="sm" aria-label="Loading" />;
  if (task.isError) return <QueryError title="Could not load the task" error={task.error} onRetry={() => void task.refetch()} />;
  return <EditTaskForm task={task.data} onSaved={onSaved} />;
}
