/**
 * "Delete" on the page of what it deletes, after asking. Once deleted, a notification says so and
 * the list the page belongs to opens, as the page has nothing left to show.
 */
import type { ReactNode } from 'react';
import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from './ConfirmDialog';

export function DeleteButton({
  id,
  name,
  remove,
  confirmLabel,
  listPath,
  children,
}: {
  id: string;
  /** What is deleted, in words, for the question and the notification. */
  name: string;
  remove: UseMutationResult<void, Error, string>;
  confirmLabel: string;
  listPath: string;
  /** What deleting it does, for the question. */
  children: ReactNode;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  const navigate = useNavigate();
  return (
    <>
      <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={open}>
        Delete
      </Button>
      <ConfirmDialog
        opened={opened}
        title={`Delete ${name}?`}
        confirmLabel={confirmLabel}
        pending={remove.isPending}
        error={remove.error}
        onClose={close}
        onConfirm={() =>
          remove.mutate(id, {
            onSuccess: () => {
              close();
              notifications.show({ message: `${name} was deleted` });
              void navigate(listPath);
            },
          })
        }
      >
        {children}
      </ConfirmDialog>
    </>
  );
}
