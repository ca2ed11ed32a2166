/**
 * Ticks a task done (or open again); shows the new state at once while the server catches up.
 * Wherever a task is listed (Tasks, My day, a timeline), members who cannot write see it disabled:
 * the rule lives here, once, as the server's lives in its guard.
 */
import { Checkbox } from '@mantine/core';
import { notifyFailure } from '../../ui/notify-failure';
import { usePermissions } from '../auth/permissions';
import { useUpdateTask } from './api';

export function TaskDoneCheckbox({ taskId, title, done }: { taskId: string; title: string; done: boolean }) {
  const { canWrite } = usePermissions();
  const update = useUpdateTask(taskId);
  const checked = update.isPending ? Boolean(update.variables?.done) : done;
  return (
    <Checkbox
      aria-label={checked ? `Mark “${title}” as not done` : `Mark “${title}” done`}
      checked={checked}
      disabled={!canWrite}
      radius="xl"
      size="md"
      color="green"
      onChange={(event) =>
        update.mutate({ done: event.currentTarget.checked }, { onError: (error) => notifyFailure('Could not change the task', error) })
      }
    />
  );
}
