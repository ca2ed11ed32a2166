import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useDeleteContact } from './api';
import type { Contact } from './types';

export function DeleteContactButton({ contact }: { contact: Contact }) {
  const [opened, { open, close }] = useDisclosure(false);
  const remove = useDeleteContact();
  const navigate = useNavigate();
  return (
    <>
      <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={open}>
        Delete
      </Button>
      <ConfirmDialog
        opened={opened}
        title={`Delete ${contact.displayName}?`}
        confirmLabel="Delete contact"
        pending={remove.isPending}
        error={remove.error}
        onClose={close}
        onConfirm={() =>
          remove.mutate(contact.id, {
            onSuccess: () => {
              close();
              notifications.show({ message: `${contact.displayName} was deleted` });
              void navigate('/contacts');
            },
          })
        }
      >
        The contact and its timeline will be deleted. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
