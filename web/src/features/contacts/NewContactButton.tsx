/** "New contact": a dialog with the contact form; opens the new contact's page once created. */
import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { FormDialog } from '../../ui/FormDialog';
import { usePermissions } from '../auth/permissions';
import { useCreateContact } from './api';
import { ContactForm } from './ContactForm';
import type { ContactDraft } from './contact-draft';

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
  return (
    <>
      <Button leftSection={<IconPlus size={16} />} onClick={open} variant={quiet ? 'light' : 'filled'} size={quiet ? 'xs' : 'sm'}>
        {label}
      </Button>
      <FormDialog
        opened={opened}
        onClose={close}
        title="New contact"
        size="xl"
        save={create}
        onSaved={(contact) => void navigate(`/contacts/${contact.id}`)}
      >
        {(form) => <ContactForm defaults={{ ownerId: userId || null, ...defaults }} submitLabel="Create contact" {...form} />}
      </FormDialog>
    </>
  );
}
