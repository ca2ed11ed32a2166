/** "Delete" on a contact's page, after asking; the contacts list opens once it is done. */
import { DeleteButton } from '../../ui/DeleteButton';
import { useDeleteContact } from './api';
import type { Contact } from './types';

export function DeleteContactButton({ contact }: { contact: Contact }) {
  const remove = useDeleteContact();
  return (
    <DeleteButton id={contact.id} name={contact.displayName} remove={remove} confirmLabel="Delete contact" listPath="/contacts">
      The contact and its timeline will be deleted. This cannot be undone.
    </DeleteButton>
  );
}
