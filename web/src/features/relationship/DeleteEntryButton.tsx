/** Removes a logged entry or a task from a timeline, after asking. */
import { ActionIcon, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useDeleteActivity } from '../activities/api';
import { useDeleteTask } from '../tasks/api';

export function DeleteEntryButton({ id, isTask, what }: { id: string; isTask: boolean; what: string }) {
  const [opened, { open, close }] = useDisclosure(false);
  const removeActivity = useDeleteActivity();
  const removeTask = useDeleteTask();
  const remove = isTask ? removeTask : removeActivity;
  return (
    <>
      <Tooltip label={`Delete ${what}`}>
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Delete ${what}`} onClick={open}>
          <IconTrash size={14} />
        </ActionIcon>
      </Tooltip>
      <ConfirmDialog
        opened={opened}
        title={`Delete ${what}?`}
        confirmLabel="Delete"
        pending={remove.isPending}
        error={remove.error}
        onClose={close}
        onConfirm={() => remove.mutate(id, { onSuccess: close })}
      >
        It will be removed from the timeline for everyone.
      </ConfirmDialog>
    </>
  );
}
