import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useUpdateContact } from './api';
import { ContactForm } from './ContactForm';
import type { Contact } from './types';
import { Dialog } from '../../ui/Dialog';

export function EditContactButton({ contact }: { contact: Contact }) {
  const [opened, { open, close }] = useDisclosure(false);
  const update = useUpdateContact(contact.id);
  const dismiss = () => {
    close();
    update.reset();
  };
  return (
    <>
      <Button variant="default" leftSection={<IconPencil size={16} />} onClick={open}>
        Edit
      </Button>
      <Dialog opened={opened} onClose={dismiss} title="Edit contact" size="xl">
        {opened && (
          <ContactForm
            initial={contact}
            submitLabel="Save"
            pending={update.isPending}
            error={update.error}
            onCancel={dismiss}
            onSubmit={(input) =>
              update.mutate(input, {
                onSuccess: () => {
                  dismiss();
                  notifications.show({ message: 'Contact saved' });
                },
              })
            }
          />
        )}
      </Dialog>
    </>
  );
}
