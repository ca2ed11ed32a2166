/** "New contact": a dialog with the contact form; opens the new contact's page once created. */
import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { usePermissions } from '../auth/permissions';
import { useCreateContact } from './api';
import { ContactForm } from './ContactForm';
import type { ContactDraft } from './contact-draft';
import { Dialog } from '../../ui/Dialog';

export function NewContactButton({
  defaults,
  label = 'New contact',
  quiet,
}: {
  defaults?: Partial<ContactDraft>;
  label?: string;
  /** A lighter, smaller button, for inside a card. */
  quiet?: boolean;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  const create = useCreateContact();
  const { userId } = usePermissions();
  const navigate = useNavigate();
  const dismiss = () => {
    close();
    create.reset();
  };
  return (
    <>
      <Button leftSection={<IconPlus size={16} />} onClick={open} variant={quiet ? 'light' : 'filled'} size={quiet ? 'xs' : 'sm'}>
        {label}
      </Button>
      <Dialog opened={opened} onClose={dismiss} title="New contact" size="xl">
        <ContactForm
          defaults={{ ownerId: userId || null, ...defaults }}
          submitLabel="Create contact"
          pending={create.isPending}
          error={create.error}
          onCancel={dismiss}
          onSubmit={(input) =>
            create.mutate(input, {
              onSuccess: (contact) => {
                dismiss();
                void navigate(`/contacts/${contact.id}`);
              },
            })
          }
        />
      </Dialog>
    </>
  );
}
