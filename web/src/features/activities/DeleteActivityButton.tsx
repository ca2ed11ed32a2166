/** Removes a logged entry from a timeline, after asking. */
import { ActionIcon, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useDeleteActivity } from './api';

export function DeleteActivityButton({ id, what }: { id: string; what: string }) {
  const [opened, { open, close }] = useDisclosure(false);
  const remove = useDeleteActivity();
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
