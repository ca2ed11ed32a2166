/** "Edit" on a contact's page: the contact form in a dialog, filled in. */
import { EditButton } from '../../ui/EditButton';
import { useUpdateContact } from './api';
import { ContactForm } from './ContactForm';
import type { Contact } from './types';

export function EditContactButton({ contact }: { contact: Contact }) {
  const update = useUpdateContact(contact.id);
  return (
    <EditButton dialogTitle="Edit contact" size="xl" save={update} savedMessage="Contact saved">
      {(form) => <ContactForm initial={contact} submitLabel="Save" {...form} />}
    </EditButton>
  );
}
