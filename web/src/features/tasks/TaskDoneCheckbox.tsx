/** Ticks a task done (or open again); shows the new state at once while the server catches up. */
import { Checkbox } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useUpdateTask } from './api';

export function TaskDoneCheckbox({ taskId, title, done, disabled }: { taskId: string; title: string; done: boolean; disabled?: boolean }) {
  const update = useUpdateTask(taskId);
  const checked = update.isPending ? Boolean(update.variables?.done) : done;
  return (
    <Checkbox
      aria-label={checked ? `Mark “${title}” as not done` : `Mark “${title}” done`}
      checked={checked}
      disabled={disabled}
      radius="xl"
      size="md"
      color="green"
      onChange={(event) =>
        update.mutate(
          { done: event.currentTarget.checked },
          { onError: (error) => notifications.show({ color: 'red', title: 'Could not change the task', message: error.message }) },
        )
      }
    />
  );
}
